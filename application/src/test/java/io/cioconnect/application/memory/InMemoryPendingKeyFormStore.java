package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Thread-safe in-memory {@link PendingKeyFormStore}, for tests and a single process without a database. */
public final class InMemoryPendingKeyFormStore implements PendingKeyFormStore {

    private final ConsumableMap<PendingKeyForm> forms = new ConsumableMap<>(PendingKeyForm::expiresAt);

    @Override
    public void save(PendingKeyForm form) {
        forms.put(form.tokenHash(), form);
    }

    @Override
    public Optional<PendingKeyForm> consume(SecretHash tokenHash, Instant now) {
        return forms.consume(tokenHash, now);
    }

    @Override
    public int purgeExpired(Instant now) {
        return forms.purgeExpired(now);
    }
}
