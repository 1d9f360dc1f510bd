package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.Owner;
import java.util.List;

/** Lists an owner's connections' metadata. */
public final class ListConnectionsService implements ListConnectionsUseCase {

    private final ConnectionStore connections;

    public ListConnectionsService(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public List<ConnectionSummary> list(Owner owner) {
        return connections.findByOwner(owner).stream().map(ConnectionSummary::of).toList();
    }
}
