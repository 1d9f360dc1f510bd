package io.cioconnect.application.port.out;

import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Out-port: keeps App API key forms until they are submitted once or expire. */
public interface PendingKeyFormStore {

    void save(PendingKeyForm form);

    /**
     * Removes the form with this token hash and returns it if it had not expired at {@code now}. Atomic: of
     * two identical submissions at most one gets the form, so a key is checked and stored at most once.
     */
    Optional<PendingKeyForm> consume(SecretHash tokenHash, Instant now);

    /** Deletes forms that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
