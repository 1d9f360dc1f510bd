package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.in.GetConnectionUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;

/** Reads one connection's metadata. */
public final class GetConnectionService implements GetConnectionUseCase {

    private final ConnectionStore connections;
    private final ConnectionSummaries summaries;

    public GetConnectionService(ConnectionStore connections, ProviderRegistry providers) {
        this.connections = connections;
        this.summaries = new ConnectionSummaries(providers);
    }

    @Override
    public ConnectionSummary get(ConnectionId id) {
        return connections.findById(id)
                .map(summaries::of)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no connection with this id"));
    }
}
