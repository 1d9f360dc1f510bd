package io.cioconnect.application.port.in;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.time.Instant;

/** What a host application may know about a connection: everything but its credentials. */
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
        String lastError) {

    public static ConnectionSummary of(Connection connection) {
        return new ConnectionSummary(connection.id(), connection.owner(), connection.provider(), connection.status(),
                HostScopes.of(connection.tokens()), connection.createdAt(), connection.updatedAt(),
                connection.tokens().expiresAt(), connection.lastRefreshedAt(), connection.lastError());
    }
}
