package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ConnectionSummary;
import java.time.Instant;
import java.util.List;

/** JSON form of a connection's metadata; it has no field for a credential. */
record ConnectionResponse(
        String id,
        String owner,
        String provider,
        String status,
        List<String> scopes,
        Instant createdAt,
        Instant updatedAt,
        Instant accessTokenExpiresAt,
        Instant lastRefreshedAt,
        String lastError,
        String resource) {

    static ConnectionResponse from(ConnectionSummary summary) {
        return new ConnectionResponse(summary.id().toString(), summary.owner().value(), summary.provider().value(),
                summary.status().wireName(), List.copyOf(summary.scopes().values()), summary.createdAt(),
                summary.updatedAt(), summary.accessTokenExpiresAt(), summary.lastRefreshedAt(), summary.lastError(),
                summary.resource() == null ? null : summary.resource().toString());
    }
}
