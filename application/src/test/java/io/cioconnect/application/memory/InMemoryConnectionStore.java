package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.StoreUnavailableException;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Thread-safe in-memory {@link ConnectionStore}: one process only, credentials held in memory. Writes are
 * serialised on the store; refresh locks are per-connection {@link ReentrantLock}s.
 */
public final class InMemoryConnectionStore implements ConnectionStore {

    private final Map<ConnectionId, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionId, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();
    private final InMemoryRevocationQueue revocations;

    public InMemoryConnectionStore(InMemoryRevocationQueue revocations) {
        this.revocations = revocations;
    }

    @Override
    public Optional<Connection> findById(ConnectionId id) {
        return Optional.ofNullable(connections.get(id));
    }

    @Override
    public List<Connection> list(ConnectionFilter filter, ListPosition after, int limit) {
        return connections.values().stream()
                .filter(filter::matches)
                .filter(connection -> after == null || after.precedes(connection))
                .sorted(Comparator.comparing(ListPosition::of))
                .limit(limit)
                .toList();
    }

    /** Serialised on the store, so the replacement and its queued revocation happen as one step. */
    @Override
    public synchronized Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced) {
        Optional<Connection> existing = connections.values().stream()
                .filter(c -> c.owner().equals(candidate.owner()) && c.provider().equals(candidate.provider()))
                .findFirst();
        Optional<PendingRevocation> revocation = existing.flatMap(revocationOfReplaced);
        Connection stored = existing
                .map(old -> old.reconnected(candidate.tokens(), candidate.updatedAt()).withVersion(old.version() + 1))
                .orElse(candidate.withVersion(0));
        connections.put(stored.id(), stored);
        revocation.ifPresent(revocations::enqueue);
        return stored;
    }

    @Override
    public <T> T withRefreshLock(ConnectionId id, Duration timeout, Function<LockedConnection, T> work) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(id, key -> new ReentrantLock());
        acquire(lock, timeout);
        try {
            StagedConnection staged = new StagedConnection(id);
            T result = work.apply(staged);
            staged.commit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized List<RefreshClaim> claimForRefresh(Instant now, Duration window, Duration lease, int limit) {
        Instant dueBefore = now.plus(window);
        List<Connection> due = connections.values().stream()
                .filter(c -> c.isActive() && c.tokens().isRefreshable() && c.tokens().expiresAt() != null)
                .filter(c -> !c.tokens().expiresAt().isAfter(dueBefore))
                .filter(c -> c.nextRefreshAt() == null || !c.nextRefreshAt().isAfter(now))
                .filter(c -> !isRefreshLocked(c.id()))
                .sorted(Comparator.comparing((Connection c) -> c.tokens().expiresAt()).thenComparing(c -> c.id().value()))
                .limit(limit)
                .toList();
        List<RefreshClaim> claims = new ArrayList<>();
        for (Connection connection : due) {
            connections.put(connection.id(), connection.withNextRefreshAt(now.plus(lease)));
            claims.add(new RefreshClaim(connection.id(), connection.version()));
        }
        return claims;
    }

    @Override
    public synchronized Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor) {
        Connection removed = connections.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        Optional<PendingRevocation> revocation = revocationFor.apply(removed);
        revocation.ifPresent(revocations::enqueue);
        return Optional.of(new DeletedConnection(removed, revocation));
    }

    /** Like {@code FOR UPDATE SKIP LOCKED}: a connection being refreshed right now is not claimed. */
    private boolean isRefreshLocked(ConnectionId id) {
        ReentrantLock lock = refreshLocks.get(id);
        return lock != null && lock.isLocked();
    }

    private static void acquire(ReentrantLock lock, Duration timeout) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException("timed out waiting for the connection's refresh lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the connection's refresh lock");
        }
    }

    /** Writes made under the lock, applied together when the work returns (like a transaction). */
    private final class StagedConnection implements LockedConnection {

        private final ConnectionId id;
        private final Optional<Connection> base;
        private Connection pending;

        StagedConnection(ConnectionId id) {
            this.id = id;
            this.base = findById(id);
        }

        @Override
        public Optional<Connection> current() {
            return pending != null ? Optional.of(pending) : base;
        }

        @Override
        public Connection save(Connection updated) {
            long baseVersion = current().map(Connection::version).orElse(0L);
            pending = updated.withVersion(baseVersion + 1);
            return pending;
        }

        void commit() {
            if (pending == null) {
                return;
            }
            synchronized (InMemoryConnectionStore.this) {
                // A reconnect or delete that happened meanwhile wins, as it would against a row lock.
                Connection now = connections.get(id);
                if (now != null && base.isPresent() && now.version() == base.get().version()) {
                    connections.put(id, pending);
                }
            }
        }
    }
}
