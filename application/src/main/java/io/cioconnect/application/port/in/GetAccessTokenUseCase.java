package io.cioconnect.application.port.in;

import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Instant;
import java.util.Objects;

/**
 * Use case: a host application needs a working access token for a connection, refreshed first when it
 * expires within the refresh skew (or when forced).
 */
public interface GetAccessTokenUseCase {

    IssuedToken get(Command command);

    record Command(ConnectionId connectionId, boolean forceRefresh) {
        public Command {
            Objects.requireNonNull(connectionId, "connectionId");
        }
    }

    /** A token ready to use; {@code expiresAt} is {@code null} for credentials that do not expire. */
    record IssuedToken(AccessToken accessToken, TokenType tokenType, Instant expiresAt, Scopes scopes) {

        /** The token of {@code tokens}, with its scopes as the host API lists them. */
        public static IssuedToken of(TokenSet tokens) {
            return new IssuedToken(tokens.accessToken(), tokens.type(), tokens.expiresAt(), HostScopes.of(tokens));
        }
    }
}
