package io.cioconnect.application.service;

import io.cioconnect.application.port.in.PurgeExpiredFlowsUseCase;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import java.time.Clock;
import java.time.Instant;

/** Removes connect sessions and pending authorizations whose time is up. */
public final class PurgeExpiredFlowsService implements PurgeExpiredFlowsUseCase {

    private final ConnectSessionStore sessions;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final Clock clock;

    public PurgeExpiredFlowsService(ConnectSessionStore sessions, PendingAuthorizationStore pendingAuthorizations,
            Clock clock) {
        this.sessions = sessions;
        this.pendingAuthorizations = pendingAuthorizations;
        this.clock = clock;
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        return sessions.purgeExpired(now) + pendingAuthorizations.purgeExpired(now);
    }
}
