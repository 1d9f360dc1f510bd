package io.cioconnect.application.port.out;

import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Out-port: keeps pending authorizations until their callback arrives once or they expire. */
public interface PendingAuthorizationStore {

    void save(PendingAuthorization pending);

    /**
     * Removes the pending authorization with this state hash and returns it if it had not expired at
     * {@code now}. Atomic: two identical callbacks get it at most once, so a code is exchanged at most once.
     */
    Optional<PendingAuthorization> consume(SecretHash stateHash, Instant now);

    /** Deletes pending authorizations that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
