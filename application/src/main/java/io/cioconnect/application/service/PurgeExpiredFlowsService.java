package io.cioconnect.application.service;

import io.cioconnect.application.port.in.PurgeExpiredFlowsUseCase;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.PendingKeyFormStore;
import java.time.Clock;
import java.time.Instant;

/** Removes connect sessions, pending authorizations and pending key forms whose time is up. */
public final class PurgeExpiredFlowsService implements PurgeExpiredFlowsUseCase {

    private final ConnectSessionStore sessions;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final PendingKeyFormStore pendingKeyForms;
    private final Clock clock;

    public PurgeExpiredFlowsService(ConnectSessionStore sessions, PendingAuthorizationStore pendingAuthorizations,
            PendingKeyFormStore pendingKeyForms, Clock clock) {
        this.sessions = sessions;
        this.pendingAuthorizations = pendingAuthorizations;
        this.pendingKeyForms = pendingKeyForms;
        this.clock = clock;
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        return sessions.purgeExpired(now) + pendingAuthorizations.purgeExpired(now) + pendingKeyForms.purgeExpired(now);
    }
}
