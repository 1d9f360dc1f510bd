package io.cioconnect.application.port.out;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Out-port: stores connections and their credentials (encrypted at rest by real implementations).
 * Refreshes are coordinated by leases on the rows: claim, call the provider holding nothing of the store,
 * then write the result only while the lease is still the holder's. Every call is one short unit of work.
 */
public interface ConnectionStore {

    Optional<Connection> findById(ConnectionId id);

    /**
     * At most {@code limit} connections that {@code filter} matches, in listing order (oldest first, ties by
     * id: {@link ListPosition}), starting just after {@code after}, or from the first when it is {@code null}.
     */
    List<Connection> list(ConnectionFilter filter, ListPosition after, int limit);

    /**
     * Stores a freshly connected connection. If the owner already has one for this provider, that one
     * keeps its id and creation time and takes the candidate's credentials and status, and the revocation
     * that {@code revocationOfReplaced} derives from it as it was (if any) is queued in the same
     * transaction, so a replaced grant is never forgotten. A refresh lease on it ends, so a refresh still
     * running with the old grant cannot write over the new one. Returns what is stored.
     */
    default Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced) {
        return saveConnected(candidate, revocationOfReplaced, ChangeAnnouncer.NONE);
    }

    /**
     * As {@link #saveConnected(Connection, Function)}, and in the same transaction puts the event that
     * {@code announcer} gives for the change ({@code connection.created} or {@code connection.reconnected},
     * with the connection as stored) in the webhook outbox.
     */
    Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced, ChangeAnnouncer announcer);

    /**
     * Claims the refresh of one connection under {@code wanted}: only while the row still has
     * {@code wanted.version()} and no other live lease (none, or one that ended at or before {@code now}: its
     * holder died or hung, and is taken over). Otherwise says what it found instead.
     */
    LeaseClaim claimRefresh(RefreshLease wanted, Instant now);

    /**
     * Claims up to {@code limit} connections of {@code provider} for the background refresher, each under a
     * lease held by {@code holder} until {@code until}: active ones with a refresh token whose access token
     * expires before {@code now + window}, not backing off ({@link Connection#nextRefreshAt()} unset or not
     * after {@code now}) and without a live lease, soonest expiry first. Rows another transaction has locked
     * at that moment are skipped, not waited for, so instances sharing the store split the work.
     * Connections whose tokens never expire are never claimed.
     */
    List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder, Instant until,
            int limit);

    /**
     * Writes the result of a leased refresh (new tokens, a failure, a lost grant) and ends the lease, in one
     * short transaction: only while the lease is still {@code lease.holder()}'s and the row still has
     * {@code lease.version()} (compare-and-set). Returns what is stored, with its version bumped; empty when
     * the lease was lost (taken over after it ended, or the connection was reconnected or deleted): then
     * nothing is written, and newer tokens are never overwritten.
     */
    default Optional<Connection> completeRefresh(RefreshLease lease, Connection result) {
        return completeRefresh(lease, result, Optional.empty());
    }

    /**
     * As {@link #completeRefresh(RefreshLease, Connection)}, and in the same transaction, only when the write
     * succeeds, puts {@code announcement} in the webhook outbox.
     */
    Optional<Connection> completeRefresh(RefreshLease lease, Connection result, Optional<WebhookEvent> announcement);

    /** Ends a lease without writing anything, if it is still the holder's. */
    void releaseRefresh(RefreshLease lease);

    /**
     * Deletes the connection and, atomically with the deletion, queues the revocation that
     * {@code revocationFor} derives from it (if any). Returns nothing when there was no such connection.
     */
    default Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor) {
        return delete(id, revocationFor, ChangeAnnouncer.NONE);
    }

    /**
     * As {@link #delete(ConnectionId, Function)}, and in the same transaction puts the event that
     * {@code announcer} gives for the deleted connection ({@code connection.deleted}) in the webhook outbox.
     */
    Optional<DeletedConnection> delete(ConnectionId id, Function<Connection, Optional<PendingRevocation>> revocationFor,
            ChangeAnnouncer announcer);

    /** What a deletion removed, and the revocation it queued. */
    record DeletedConnection(Connection connection, Optional<PendingRevocation> queuedRevocation) {
    }
}
