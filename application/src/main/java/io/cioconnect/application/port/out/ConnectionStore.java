package io.cioconnect.application.port.out;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Out-port: stores connections and their credentials (encrypted at rest by real implementations). */
public interface ConnectionStore {

    Optional<Connection> findById(ConnectionId id);

    /** The owner's connections, oldest first. */
    List<Connection> findByOwner(Owner owner);

    /**
     * Stores a freshly connected connection. If the owner already has one for this provider, that one
     * keeps its id and creation time and takes the candidate's credentials and status. Returns what is stored.
     */
    Connection saveConnected(Connection candidate);

    /**
     * Runs {@code work} while holding this connection's refresh lock, which excludes every other holder in
     * this process and in every other process sharing the store. Writes made through the
     * {@link LockedConnection} are committed when {@code work} returns and rolled back if it throws.
     *
     * @throws StoreUnavailableException when the lock is not granted within {@code timeout}
     */
    <T> T withRefreshLock(ConnectionId id, Duration timeout, Function<LockedConnection, T> work);

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

    /** What a deletion removed, and the revocation it queued. */
    record DeletedConnection(Connection connection, Optional<PendingRevocation> queuedRevocation) {
    }
}
