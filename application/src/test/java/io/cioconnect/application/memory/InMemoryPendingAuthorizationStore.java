package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Thread-safe in-memory {@link PendingAuthorizationStore}, for tests and a single process without a database. */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {

    private final ConsumableMap<PendingAuthorization> pending = new ConsumableMap<>(PendingAuthorization::expiresAt);

    @Override
    public void save(PendingAuthorization authorization) {
        pending.put(authorization.stateHash(), authorization);
    }

    @Override
    public Optional<PendingAuthorization> consume(SecretHash stateHash, Instant now) {
        return pending.consume(stateHash, now);
    }

    @Override
    public int purgeExpired(Instant now) {
        return pending.purgeExpired(now);
    }
}
