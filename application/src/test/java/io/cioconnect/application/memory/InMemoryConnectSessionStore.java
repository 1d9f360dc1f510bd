package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Thread-safe in-memory {@link ConnectSessionStore}, for tests and a single process without a database. */
public final class InMemoryConnectSessionStore implements ConnectSessionStore {

    private final ConsumableMap<ConnectSession> sessions = new ConsumableMap<>(ConnectSession::expiresAt);

    @Override
    public void save(ConnectSession session) {
        sessions.put(session.ticketHash(), session);
    }

    @Override
    public Optional<ConnectSession> consume(SecretHash ticketHash, Instant now) {
        return sessions.consume(ticketHash, now);
    }

    @Override
    public int purgeExpired(Instant now) {
        return sessions.purgeExpired(now);
    }
}
