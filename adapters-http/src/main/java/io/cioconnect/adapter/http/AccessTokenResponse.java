package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.GetAccessTokenUseCase.IssuedToken;
import java.time.Instant;
import java.util.List;

/** JSON answer of {@code POST /api/v1/connections/{id}/access-token}; {@code expires_at} is null for keys that do not expire. */
record AccessTokenResponse(String accessToken, String tokenType, Instant expiresAt, List<String> scopes) {

    static AccessTokenResponse from(IssuedToken token) {
        return new AccessTokenResponse(token.accessToken().value(), token.tokenType().wireName(), token.expiresAt(),
                List.copyOf(token.scopes().values()));
    }

    @Override
    public String toString() {
        return "AccessTokenResponse[redacted]";
    }
}
