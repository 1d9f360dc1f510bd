package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ListPosition;
import java.util.List;

/** Lists connections' metadata a page at a time; one row more than the page tells whether another follows. */
public final class ListConnectionsService implements ListConnectionsUseCase {

    private final ConnectionStore connections;
    private final ConnectionSummaries summaries;

    public ListConnectionsService(ConnectionStore connections, ProviderRegistry providers) {
        this.connections = connections;
        this.summaries = new ConnectionSummaries(providers);
    }

    @Override
    public Page list(Query query) {
        List<Connection> found = connections.list(query.filter(), query.after(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<Connection> page = more ? found.subList(0, query.limit()) : found;
        return new Page(page.stream().map(summaries::of).toList(),
                more ? ListPosition.of(page.get(page.size() - 1)) : null);
    }
}
