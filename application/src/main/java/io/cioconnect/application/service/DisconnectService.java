package io.cioconnect.application.service;

import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.ConnectionId;

/**
 * Deletes a connection: its credentials are destroyed locally and, in the same step, a revocation is
 * queued (and the {@code connection.deleted} webhook event with it); the revocation is then tried at once
 * and, if the provider is down, later by the retry job.
 */
public final class DisconnectService implements DisconnectUseCase {

    private final ConnectionStore connections;
    private final GrantRevocations grants;
    private final RevocationSender sender;
    private final ChangeAnnouncer announcer;

    public DisconnectService(ConnectionStore connections, GrantRevocations grants, RevocationSender sender,
            ChangeAnnouncer announcer) {
        this.connections = connections;
        this.grants = grants;
        this.sender = sender;
        this.announcer = announcer;
    }

    @Override
    public void disconnect(ConnectionId id) {
        connections.delete(id, grants::ofDeleted, announcer)
                .flatMap(ConnectionStore.DeletedConnection::queuedRevocation)
                .ifPresent(sender::send);
    }
}
