package io.cioconnect.application.port.out;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Out-port: stores connections and their credentials (encrypted at rest by real implementations). */
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
     * transaction, so a replaced grant is never forgotten. Returns what is stored.
     */
    Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced);

    /**
     * Runs {@code work} while holding this connection's refresh lock, which excludes every other holder in
     * this process and in every other process sharing the store. Writes made through the
     * {@link LockedConnection} are committed when {@code work} returns and rolled back if it throws.
     *
     * @throws StoreUnavailableException when the lock is not granted within {@code timeout}
     */
    <T> T withRefreshLock(ConnectionId id, Duration timeout, Function<LockedConnection, T> work);

    /**
     * Claims up to {@code limit} connections for the background refresher: active ones with a refresh token
     * whose access token expires before {@code now + window}, that are neither backing off nor claimed by
     * someone else ({@link Connection#nextRefreshAt()} unset or not after {@code now}), soonest expiry first.
     * Connections whose refresh lock is held right now are skipped, not waited for. Each claimed connection
     * gets {@code nextRefreshAt = now + lease}, so no other claim takes it before that, and keeps its
     * version. Connections whose tokens never expire are never claimed.
     */
    List<RefreshClaim> claimForRefresh(Instant now, Duration window, Duration lease, int limit);

    /**
     * Deletes the connection and, atomically with the deletion, queues the revocation that
     * {@code revocationFor} derives from it (if any). Returns nothing when there was no such connection.
     */
    Optional<DeletedConnection> delete(ConnectionId id, Function<Connection, Optional<PendingRevocation>> revocationFor);

    /** A connection locked for refresh: read it again, and write it back under the same lock. */
    interface LockedConnection {

        /** The connection as stored now, under the lock (it may have been refreshed or deleted meanwhile). */
        Optional<Connection> current();

        /** Writes the connection and returns it as stored, with its version bumped. */
        Connection save(Connection updated);
    }

    /** A connection claimed for a background refresh, with the version it had when claimed. */
    record RefreshClaim(ConnectionId id, long version) {
    }

    /** What a deletion removed, and the revocation it queued. */
    record DeletedConnection(Connection connection, Optional<PendingRevocation> queuedRevocation) {
    }
}
