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
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
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

    /**
     * The callback's write, in one transaction: the pair's first connection is inserted; otherwise the existing
     * row is locked, read whole, replaced (keeping its id and creation time) and the revocation of the replaced
     * grant inserted beside it. The insert is a plain statement for the reason given at {@link #findById}.
     */
    @Override
    public Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced) {
        ConnectionRow row = ConnectionRow.from(candidate, cipher);
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            // A connection deleted between the two statements frees the pair, so the insert is tried once more.
            for (int attempt = 0; attempt < 2; attempt++) {
                Optional<Long> inserted = handle.createQuery(ConnectionDao.INSERT_IF_NEW).bindMethods(row)
                        .mapTo(Long.class).findOne();
                if (inserted.isPresent()) {
                    return asStored(row, candidate, inserted.get());
                }
                Optional<Connection> existing = handle.createQuery(ConnectionDao.LOCK_PAIR)
                        .bind("owner", row.owner()).bind("provider", row.provider())
                        .map(ConnectionRowMapper.INSTANCE).findOne().map(found -> found.toDomain(cipher));
                if (existing.isPresent()) {
                    return replace(handle, existing.get(), candidate, revocationOfReplaced);
                }
            }
            throw new IllegalStateException("the owner's connection to the provider kept changing during a reconnection");
        }));
    }

    private Connection replace(Handle handle, Connection existing, Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced) {
        revocationOfReplaced.apply(existing)
                .ifPresent(revocation -> handle.attach(RevocationDao.class).insert(RevocationRow.from(revocation, cipher)));
        Connection reconnected = existing.reconnected(candidate.tokens(), candidate.updatedAt());
        ConnectionRow row = ConnectionRow.from(reconnected, cipher);
        long version = handle.attach(ConnectionDao.class).update(row)
                .orElseThrow(() -> new IllegalStateException("the locked connection vanished"));
        return asStored(row, reconnected, version);
    }

    /** What a written row holds, as the next read will see it, from the tokens in clear already known. */
    private static Connection asStored(ConnectionRow row, Connection written, long version) {
        return row.toDomain(written.tokens().accessToken(), written.tokens().refreshToken()).withVersion(version);
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
