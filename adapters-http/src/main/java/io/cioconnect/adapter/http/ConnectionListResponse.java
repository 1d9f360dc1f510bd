package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ListConnectionsUseCase;
import java.util.List;

/**
 * JSON answer of {@code GET /api/v1/connections}: one page, and the {@code next_cursor} to pass as
 * {@code cursor} for the next one ({@code null} on the last page).
 */
record ConnectionListResponse(List<ConnectionResponse> connections, String nextCursor) {

    static ConnectionListResponse from(ListConnectionsUseCase.Page page) {
        return new ConnectionListResponse(page.connections().stream().map(ConnectionResponse::from).toList(),
                page.next() == null ? null : ListCursor.encode(page.next()));
    }
}
