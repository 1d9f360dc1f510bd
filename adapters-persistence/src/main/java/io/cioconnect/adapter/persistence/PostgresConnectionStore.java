package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConnectionStore} on PostgreSQL. The refresh lock is the row lock of {@code SELECT ... FOR UPDATE},
 * held by one transaction around the work, so it excludes every process that shares the database.
 */
final class PostgresConnectionStore implements ConnectionStore {

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    PostgresConnectionStore(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    @Override
    public Optional<Connection> findById(ConnectionId id) {
        return DatabaseFailures.call(() -> jdbi.withExtension(ConnectionDao.class, dao -> dao.findById(id.value())))
                .map(row -> row.toDomain(cipher));
    }

    @Override
    public List<Connection> findByOwner(Owner owner) {
        return DatabaseFailures.call(() -> jdbi.withExtension(ConnectionDao.class, dao -> dao.findByOwner(owner.value())))
                .stream()
                .map(row -> row.toDomain(cipher))
                .toList();
    }

    @Override
    public Connection saveConnected(Connection candidate) {
        ConnectionRow row = ConnectionRow.from(candidate, cipher);
        ConnectionRow stored = DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            ConnectionDao dao = handle.attach(ConnectionDao.class);
            ConnectionDao.Identity identity = dao.upsert(row);
            if (identity.id().equals(row.id())) {
                return row.withIdentity(identity.id(), identity.createdAt(), identity.version());
            }
            // Reconnected: the upsert holds the existing row's lock until commit, so this completes it atomically.
            ConnectionRow reencrypted = ConnectionRow.from(candidate, identity.id(), cipher)
                    .withIdentity(identity.id(), identity.createdAt(), identity.version());
            dao.updateTokens(reencrypted);
            return reencrypted;
        }));
        return stored.toDomain(candidate.tokens().accessToken(), candidate.tokens().refreshToken());
    }

    @Override
    public <T> T withRefreshLock(ConnectionId id, Duration timeout, Function<LockedConnection, T> work) {
        long lockTimeoutMillis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL lock_timeout = " + lockTimeoutMillis);
            ConnectionDao dao = handle.attach(ConnectionDao.class);
            Optional<Connection> current = dao.lockById(id.value()).map(row -> row.toDomain(cipher));
            return work.apply(new RowLockedConnection(dao, cipher, id, current));
        }));
    }

    @Override
    public Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor) {
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            Optional<Connection> removed = handle.attach(ConnectionDao.class).delete(id.value())
                    .map(row -> row.toDomain(cipher));
            if (removed.isEmpty()) {
                return Optional.<DeletedConnection>empty();
            }
            Optional<PendingRevocation> revocation = revocationFor.apply(removed.get());
            revocation.ifPresent(r -> handle.attach(RevocationDao.class).insert(RevocationRow.from(r, cipher)));
            return Optional.of(new DeletedConnection(removed.get(), revocation));
        }));
    }
}
