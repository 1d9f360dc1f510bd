package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConnectionStore} on PostgreSQL. The refresh lock is the row lock of {@code SELECT ... FOR UPDATE},
 * held by one transaction around the work, so it excludes every process that shares the database. A holder
 * that dies loses the lock with its connection; one that hangs loses it after {@code lockHoldLimit} idle in
 * its transaction (PostgreSQL ends the session and rolls back), so no lock is ever stuck.
 */
final class PostgresConnectionStore implements ConnectionStore {

    /** Far longer than a provider call with all its retries (30 s budget), so only a hung holder hits it. */
    static final Duration DEFAULT_LOCK_HOLD_LIMIT = Duration.ofMinutes(5);
    static final String FIND_BY_ID = "SELECT * FROM connections WHERE id = :id";

    private final Jdbi jdbi;
    private final FieldCipher cipher;
    private final Duration lockHoldLimit;

    PostgresConnectionStore(Jdbi jdbi, FieldCipher cipher, Duration lockHoldLimit) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.lockHoldLimit = lockHoldLimit;
    }

    /**
     * The read behind every {@code access-token} call, so it skips what a SqlObject call costs each time
     * (attaching the extension, a reflective row mapper): a plain query and {@link ConnectionRowMapper}.
     */
    @Override
    public Optional<Connection> findById(ConnectionId id) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(FIND_BY_ID)
                        .bind("id", id.value())
                        .map(ConnectionRowMapper.INSTANCE)
                        .findOne()))
                .map(row -> row.toDomain(cipher));
    }

    @Override
    public List<Connection> list(ConnectionFilter filter, ListPosition after, int limit) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> ConnectionListQuery.of(handle, filter, after, limit)
                        .map(ConnectionRowMapper.INSTANCE)
                        .list()))
                .stream()
                .map(row -> row.toDomain(cipher))
                .toList();
    }

    /** The callback's write: the upsert runs as a plain query for the reason given at {@link #findById}. */
    @Override
    public Connection saveConnected(Connection candidate) {
        ConnectionRow row = ConnectionRow.from(candidate, cipher);
        ConnectionRow stored = DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            ConnectionDao.Identity identity = handle.createQuery(ConnectionDao.UPSERT)
                    .bindMethods(row)
                    .map((rs, ctx) -> new ConnectionDao.Identity(rs.getObject("id", UUID.class),
                            ResultSets.instant(rs, "created_at"), rs.getLong("version")))
                    .one();
            if (identity.id().equals(row.id())) {
                return row.withIdentity(identity.id(), identity.createdAt(), identity.version());
            }
            ConnectionDao dao = handle.attach(ConnectionDao.class);
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
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL lock_timeout = " + millis(timeout));
            handle.execute("SET LOCAL idle_in_transaction_session_timeout = " + millis(lockHoldLimit));
            ConnectionDao dao = handle.attach(ConnectionDao.class);
            Optional<Connection> current = dao.lockById(id.value()).map(row -> row.toDomain(cipher));
            return work.apply(new RowLockedConnection(dao, cipher, id, current));
        }));
    }

    @Override
    public List<RefreshClaim> claimForRefresh(Instant now, Duration window, Duration lease, int limit) {
        List<ConnectionDao.Claimed> claimed = DatabaseFailures.call(() -> jdbi.withExtension(ConnectionDao.class,
                dao -> dao.claimForRefresh(now, now.plus(window), now.plus(lease), limit)));
        return claimed.stream()
                .sorted(Comparator.comparing(ConnectionDao.Claimed::accessTokenExpiresAt)
                        .thenComparing(ConnectionDao.Claimed::id))
                .map(row -> new RefreshClaim(new ConnectionId(row.id()), row.version()))
                .toList();
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

    /** A duration as PostgreSQL's integer milliseconds (0 would mean "no limit", so at least 1). */
    private static long millis(Duration duration) {
        return Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
