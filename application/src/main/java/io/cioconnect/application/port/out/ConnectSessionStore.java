package io.cioconnect.application.port.out;

import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Out-port: keeps connect sessions until their ticket is redeemed once or expires. */
public interface ConnectSessionStore {

    void save(ConnectSession session);

    /**
     * Removes the session with this ticket hash and returns it if it had not expired at {@code now}.
     * Atomic: of two concurrent callers with the same ticket, at most one gets the session.
     */
    Optional<ConnectSession> consume(SecretHash ticketHash, Instant now);

    /** Deletes sessions that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
