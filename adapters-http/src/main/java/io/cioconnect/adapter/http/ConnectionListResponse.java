package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ConnectionSummary;
import java.util.List;

/** JSON answer of {@code GET /api/v1/connections?owner=...}: an object, so fields can be added later. */
record ConnectionListResponse(List<ConnectionResponse> connections) {

    static ConnectionListResponse from(List<ConnectionSummary> summaries) {
        return new ConnectionListResponse(summaries.stream().map(ConnectionResponse::from).toList());
    }
}
