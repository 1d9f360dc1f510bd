package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link PendingKeyFormStore} on PostgreSQL: forms by the hash of their token, taken once with {@code DELETE ... RETURNING}. */
final class PostgresPendingKeyFormStore implements PendingKeyFormStore {

    private final Jdbi jdbi;

    PostgresPendingKeyFormStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Plain statements for the save and the take, as for the OAuth flows (see {@link PostgresConnectSessionStore}). */
    @Override
    public void save(PendingKeyForm form) {
        PendingKeyFormRow row = PendingKeyFormRow.from(form);
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> handle.createUpdate(PendingKeyFormDao.INSERT)
                .bindMethods(row)
                .execute()));
    }

    @Override
    public Optional<PendingKeyForm> consume(SecretHash tokenHash, Instant now) {
        // Taken before the expiry check, so an expired form cannot be submitted again either.
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(PendingKeyFormDao.TAKE)
                        .bind("tokenHash", tokenHash.hex())
                        .map(PendingKeyFormRowMapper.INSTANCE)
                        .findOne()))
                .map(PendingKeyFormRow::toDomain)
                .filter(form -> !form.isExpired(now));
    }

    @Override
    public int purgeExpired(Instant now) {
        return ExpiredRows.delete(jdbi, PendingKeyFormDao.DELETE_EXPIRED, now);
    }
}
