package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link ConnectionStore} that keeps, in this process's memory only, the connections {@code findById} read
 * while their tokens are active and not yet due ({@code refreshSkew} before expiry), so {@code access-token}
 * for a valid token needs no database round trip and no decryption. A copy is dropped when this instance
 * writes the connection and when any instance does ({@link ConnectionChangeListener}); it is never served due,
 * and the cache is bypassed whenever the listener cannot confirm that it has seen every change older than
 * {@link #STALENESS_BOUND}. Every other call goes straight to the database.
 */
final class CachedConnectionStore implements ConnectionStore {

    /** The most a copy can lag behind a change made by another instance, whatever happens to the listener. */
    static final Duration STALENESS_BOUND = Duration.ofMillis(1500);
    /** Enough for every connection a busy instance serves; beyond it the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 20_000;

    private final ConnectionStore database;
    private final Clock clock;
    private final Duration refreshSkew;
    private final Map<UUID, Connection> copies = new ConcurrentHashMap<>();
    /** Moves on every invalidation, so a read that raced with one does not put back what it replaced. */
    private final AtomicLong generation = new AtomicLong();
    private volatile ConnectionChangeListener listener;

    CachedConnectionStore(ConnectionStore database, Clock clock, Duration refreshSkew) {
        this.database = database;
        this.clock = clock;
        this.refreshSkew = refreshSkew;
    }

    /** Starts listening for changes; until the listener has confirmed the channel, every read goes to the database. */
    CachedConnectionStore listenWith(DatabaseSettings settings) {
        listener = new ConnectionChangeListener(settings, this::invalidate, this::invalidateAll).start();
        return this;
    }

    @Override
    public Optional<Connection> findById(ConnectionId id) {
        ConnectionChangeListener changes = listener;
        if (changes == null || !changes.confirmedWithin(STALENESS_BOUND.toNanos())) {
            return database.findById(id);
        }
        Connection copy = copies.get(id.value());
        if (copy != null) {
            if (servable(copy)) {
                return Optional.of(copy);
            }
            copies.remove(id.value(), copy); // due now: the refresh path reads the row
        }
        long before = generation.get();
        Optional<Connection> read = database.findById(id);
        read.filter(this::servable).ifPresent(connection -> keep(connection, before));
        return read;
    }

    private boolean servable(Connection connection) {
        return connection.isActive() && !connection.needsRefresh(clock.instant(), refreshSkew);
    }

    private void keep(Connection connection, long generationBeforeRead) {
        UUID id = connection.id().value();
        if (copies.size() >= MAX_ENTRIES) {
            copies.clear();
        }
        copies.put(id, connection);
        // A change that arrived during the read may already have dropped the entry it meant: drop this one too.
        if (generation.get() != generationBeforeRead) {
            copies.remove(id, connection);
        }
    }

    /** The generation moves before the copy goes, so {@link #keep} cannot miss an invalidation (see there). */
    void invalidate(UUID id) {
        generation.incrementAndGet();
        copies.remove(id);
    }

    void invalidateAll() {
        generation.incrementAndGet();
        copies.clear();
    }

    @Override
    public List<Connection> list(ConnectionFilter filter, ListPosition after, int limit) {
        return database.list(filter, after, limit);
    }

    @Override
    public Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced, ChangeAnnouncer announcer) {
        Connection stored = null;
        try {
            stored = database.saveConnected(candidate, revocationOfReplaced, announcer);
            return stored;
        } finally {
            // A reconnection keeps the existing connection's id; after a failure, which one changed is unknown.
            if (stored == null) {
                invalidateAll();
            } else {
                invalidate(stored.id().value());
            }
        }
    }

    @Override
    public LeaseClaim claimRefresh(RefreshLease wanted, Instant now) {
        return database.claimRefresh(wanted, now);
    }

    @Override
    public List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder,
            Instant until, int limit) {
        return database.claimDue(provider, now, window, holder, until, limit);
    }

    @Override
    public Optional<Connection> completeRefresh(RefreshLease lease, Connection result,
            Optional<WebhookEvent> announcement) {
        try {
            return database.completeRefresh(lease, result, announcement);
        } finally {
            invalidate(result.id().value());
        }
    }

    @Override
    public void releaseRefresh(RefreshLease lease) {
        database.releaseRefresh(lease);
    }

    @Override
    public Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor, ChangeAnnouncer announcer) {
        try {
            return database.delete(id, revocationFor, announcer);
        } finally {
            invalidate(id.value());
        }
    }

    /** Whether a copy of the connection is kept (for tests: proves a read came from memory). */
    boolean holds(ConnectionId id) {
        return copies.containsKey(id.value());
    }

    /** Stops listening; the cache is bypassed from then on. */
    void close() {
        ConnectionChangeListener changes = listener;
        listener = null;
        if (changes != null) {
            changes.close();
        }
        invalidateAll();
    }
}
