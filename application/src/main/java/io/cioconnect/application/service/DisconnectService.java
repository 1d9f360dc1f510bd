package io.cioconnect.application.service;

import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.ConnectionId;

/**
 * Deletes a connection: its credentials are destroyed locally and, in the same step, a revocation is
 * queued; the revocation is then tried at once and, if the provider is down, later by the retry job.
 */
public final class DisconnectService implements DisconnectUseCase {

    private final ConnectionStore connections;
    private final GrantRevocations grants;
    private final RevocationSender sender;

    public DisconnectService(ConnectionStore connections, GrantRevocations grants, RevocationSender sender) {
        this.connections = connections;
        this.grants = grants;
        this.sender = sender;
    }

    @Override
    public void disconnect(ConnectionId id) {
        connections.delete(id, grants::ofDeleted)
                .flatMap(ConnectionStore.DeletedConnection::queuedRevocation)
                .ifPresent(sender::send);
    }
}
