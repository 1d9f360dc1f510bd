package io.cioconnect.application.port.in;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Instant;

/**
 * What a host application may know about a connection: everything but its credentials, and the resource its
 * tokens are for (an MCP server's URL; {@code null} for providers that name none).
 */
public record ConnectionSummary(
        ConnectionId id,
        Owner owner,
        ProviderId provider,
        ConnectionStatus status,
        Scopes scopes,
        Instant createdAt,
        Instant updatedAt,
        Instant accessTokenExpiresAt,
        Instant lastRefreshedAt,
        String lastError,
        URI resource) {

    public static ConnectionSummary of(Connection connection) {
        return of(connection, null);
    }

    public static ConnectionSummary of(Connection connection, URI resource) {
        return new ConnectionSummary(connection.id(), connection.owner(), connection.provider(), connection.status(),
                HostScopes.of(connection.tokens()), connection.createdAt(), connection.updatedAt(),
                connection.tokens().expiresAt(), connection.lastRefreshedAt(), connection.lastError(), resource);
    }
}
