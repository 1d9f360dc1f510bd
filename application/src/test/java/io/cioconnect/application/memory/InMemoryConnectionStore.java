package io.cioconnect.application.memory;

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
import io.cioconnect.domain.WebhookEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Thread-safe in-memory {@link ConnectionStore}: one process only, credentials held in memory. Reads are
 * lock-free; writes, claims and leases are serialised on the store, each as one atomic step.
 */
public final class InMemoryConnectionStore implements ConnectionStore {

    private final Map<ConnectionId, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Lease> leases = new HashMap<>();
    private final InMemoryRevocationQueue revocations;
    private final InMemoryWebhookOutbox outbox;

    /** Who holds a connection's refresh, and until when. */
    private record Lease(UUID holder, Instant until) {
    }

    public InMemoryConnectionStore(InMemoryRevocationQueue revocations) {
        this(revocations, new InMemoryWebhookOutbox());
    }

    /** A store that puts the webhook events announcing its changes in {@code outbox}, in the same step. */
    public InMemoryConnectionStore(InMemoryRevocationQueue revocations, InMemoryWebhookOutbox outbox) {
        this.revocations = revocations;
        this.outbox = outbox;
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
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced, ChangeAnnouncer announcer) {
        Optional<Connection> existing = connections.values().stream()
                .filter(c -> c.owner().equals(candidate.owner()) && c.provider().equals(candidate.provider()))
                .findFirst();
        Optional<PendingRevocation> revocation = existing.flatMap(revocationOfReplaced);
        Connection stored = existing
                .map(old -> old.reconnected(candidate.tokens(), candidate.updatedAt()).withVersion(old.version() + 1))
                .orElse(candidate.withVersion(0));
        connections.put(stored.id(), stored);
        leases.remove(stored.id());
        revocation.ifPresent(revocations::enqueue);
        announcer.announce(existing.isPresent() ? WebhookEventType.RECONNECTED : WebhookEventType.CREATED, stored)
                .ifPresent(outbox::add);
        return stored;
    }

    @Override
    public synchronized LeaseClaim claimRefresh(RefreshLease wanted, Instant now) {
        Connection current = connections.get(wanted.id());
        if (current == null) {
            return new LeaseClaim.Gone();
        }
        if (current.version() != wanted.version()) {
            return new LeaseClaim.Changed(current);
        }
        Lease lease = leases.get(wanted.id());
        if (lease != null && lease.until().isAfter(now)) {
            return new LeaseClaim.Busy(lease.until());
        }
        leases.put(wanted.id(), new Lease(wanted.holder(), wanted.until()));
        return new LeaseClaim.Claimed(current, wanted);
    }

    @Override
    public synchronized List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window,
            UUID holder, Instant until, int limit) {
        Instant dueBefore = now.plus(window);
        List<Connection> due = connections.values().stream()
                .filter(c -> c.provider().equals(provider) && c.isActive() && c.tokens().isRefreshable())
                .filter(c -> c.tokens().expiresAt() != null && !c.tokens().expiresAt().isAfter(dueBefore))
                .filter(c -> c.nextRefreshAt() == null || !c.nextRefreshAt().isAfter(now))
                .filter(c -> !leases.containsKey(c.id()) || !leases.get(c.id()).until().isAfter(now))
                .sorted(Comparator.comparing((Connection c) -> c.tokens().expiresAt()).thenComparing(c -> c.id().value()))
                .limit(limit)
                .toList();
        List<LeaseClaim.Claimed> claims = new ArrayList<>();
        for (Connection connection : due) {
            leases.put(connection.id(), new Lease(holder, until));
            claims.add(new LeaseClaim.Claimed(connection,
                    new RefreshLease(connection.id(), connection.version(), holder, until)));
        }
        return claims;
    }

    @Override
    public synchronized Optional<Connection> completeRefresh(RefreshLease lease, Connection result,
            Optional<WebhookEvent> announcement) {
        if (!result.id().equals(lease.id())) {
            throw new IllegalArgumentException("only the leased connection can be written under its lease");
        }
        Connection current = connections.get(lease.id());
        if (current == null || current.version() != lease.version() || !holds(lease)) {
            return Optional.empty();
        }
        Connection stored = result.withVersion(current.version() + 1);
        connections.put(stored.id(), stored);
        leases.remove(stored.id());
        announcement.ifPresent(outbox::add);
        return Optional.of(stored);
    }

    @Override
    public synchronized void releaseRefresh(RefreshLease lease) {
        if (holds(lease)) {
            leases.remove(lease.id());
        }
    }

    @Override
    public synchronized Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor, ChangeAnnouncer announcer) {
        Connection removed = connections.remove(id);
        leases.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        Optional<PendingRevocation> revocation = revocationFor.apply(removed);
        revocation.ifPresent(revocations::enqueue);
        announcer.announce(WebhookEventType.DELETED, removed).ifPresent(outbox::add);
        return Optional.of(new DeletedConnection(removed, revocation));
    }

    private boolean holds(RefreshLease lease) {
        Lease held = leases.get(lease.id());
        return held != null && held.holder().equals(lease.holder());
    }
}
