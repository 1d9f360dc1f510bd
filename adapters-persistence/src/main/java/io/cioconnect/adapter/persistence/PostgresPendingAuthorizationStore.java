package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link PendingAuthorizationStore} on PostgreSQL: states by hash, taken once, verifiers encrypted. */
final class PostgresPendingAuthorizationStore implements PendingAuthorizationStore {

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    PostgresPendingAuthorizationStore(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** A plain statement, like the take below: it runs on every connect flow's start. */
    @Override
    public void save(PendingAuthorization pending) {
        PendingAuthorizationRow row = PendingAuthorizationRow.from(pending, cipher);
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> row.bindTo(handle.createUpdate(PendingAuthorizationDao.INSERT))
                .execute()));
    }

    @Override
    public Optional<PendingAuthorization> consume(SecretHash stateHash, Instant now) {
        // Taken before the expiry check, so an expired state cannot be replayed either.
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(PendingAuthorizationDao.TAKE)
                        .bind("stateHash", stateHash.hex())
                        .map(PendingAuthorizationRowMapper.INSTANCE)
                        .findOne()))
                .filter(row -> now.isBefore(row.expiresAt()))
                .map(row -> row.toDomain(cipher));
    }

    @Override
    public int purgeExpired(Instant now) {
        return ExpiredRows.delete(jdbi, PendingAuthorizationDao.DELETE_EXPIRED, now);
    }
}
