package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConnectionStore} on PostgreSQL. Every method is one short statement or transaction: refreshes are
 * coordinated by leases kept in the rows ({@link RefreshLeases}), so no pooled connection, transaction or
 * row lock is ever held while a provider is asked.
 */
final class PostgresConnectionStore implements ConnectionStore {

    static final String FIND_BY_ID = "SELECT * FROM connections WHERE id = :id";

    private final Jdbi jdbi;
    private final FieldCipher cipher;
    private final RefreshLeases leases;

    PostgresConnectionStore(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.leases = new RefreshLeases(jdbi, cipher);
    }

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
     * row is locked, read whole, replaced (keeping its id and creation time, ending any refresh lease on it) and
     * the revocation of the replaced grant inserted beside it; the webhook event announcing the change joins the
     * same transaction.
     */
    @Override
    public Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced, ChangeAnnouncer announcer) {
        ConnectionRow row = ConnectionRow.from(candidate, cipher);
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            // A connection deleted between the two statements frees the pair, so the insert is tried once more.
            for (int attempt = 0; attempt < 2; attempt++) {
                Optional<Long> inserted = RefreshLeases.bindWrite(handle.createQuery(ConnectionDao.INSERT_IF_NEW), row)
                        .bind("owner", row.owner()).bind("provider", row.provider()).bind("createdAt", row.createdAt())
                        .mapTo(Long.class).findOne();
                if (inserted.isPresent()) {
                    return announced(handle, WebhookEventType.CREATED, asStored(row, candidate, inserted.get()),
                            announcer);
                }
                Optional<Connection> existing = handle.createQuery(ConnectionDao.LOCK_PAIR)
                        .bind("owner", row.owner()).bind("provider", row.provider())
                        .map(ConnectionRowMapper.INSTANCE).findOne().map(found -> found.toDomain(cipher));
                if (existing.isPresent()) {
                    return announced(handle, WebhookEventType.RECONNECTED,
                            replace(handle, existing.get(), candidate, revocationOfReplaced), announcer);
                }
            }
            throw new IllegalStateException("the owner's connection to the provider kept changing during a reconnection");
        }));
    }

    private Connection replace(Handle handle, Connection existing, Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced) {
        revocationOfReplaced.apply(existing)
                .ifPresent(revocation -> PostgresRevocationQueue.insert(handle, RevocationRow.from(revocation, cipher)));
        Connection reconnected = existing.reconnected(candidate.tokens(), candidate.updatedAt());
        ConnectionRow row = ConnectionRow.from(reconnected, cipher);
        long version = RefreshLeases.bindWrite(handle.createQuery(ConnectionDao.REPLACE), row).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("the locked connection vanished"));
        return asStored(row, reconnected, version);
    }

    /** Puts the event announcing {@code changed} in the outbox, in the transaction of {@code handle}. */
    private static Connection announced(Handle handle, WebhookEventType type, Connection changed,
            ChangeAnnouncer announcer) {
        announcer.announce(type, changed).ifPresent(event -> WebhookEventRows.insert(handle, event));
        return changed;
    }

    /** What a written row holds, as the next read will see it, from the tokens in clear already known. */
    private static Connection asStored(ConnectionRow row, Connection written, long version) {
        return row.toDomain(written.tokens().accessToken(), written.tokens().refreshToken()).withVersion(version);
    }

    @Override
    public LeaseClaim claimRefresh(RefreshLease wanted, Instant now) {
        return leases.claim(wanted, now);
    }

    @Override
    public List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder,
            Instant until, int limit) {
        return leases.claimDue(provider, now, window, holder, until, limit);
    }

    @Override
    public Optional<Connection> completeRefresh(RefreshLease lease, Connection result,
            Optional<WebhookEvent> announcement) {
        return leases.complete(lease, result, announcement);
    }

    @Override
    public void releaseRefresh(RefreshLease lease) {
        leases.release(lease);
    }

    @Override
    public Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor, ChangeAnnouncer announcer) {
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            Optional<Connection> removed = handle.createQuery(ConnectionDao.DELETE).bind("id", id.value())
                    .map(ConnectionRowMapper.INSTANCE).findOne().map(row -> row.toDomain(cipher));
            if (removed.isEmpty()) {
                return Optional.<DeletedConnection>empty();
            }
            Optional<PendingRevocation> revocation = revocationFor.apply(removed.get());
            revocation.ifPresent(r -> PostgresRevocationQueue.insert(handle, RevocationRow.from(r, cipher)));
            announced(handle, WebhookEventType.DELETED, removed.get(), announcer);
            return Optional.of(new DeletedConnection(removed.get(), revocation));
        }));
    }
}
