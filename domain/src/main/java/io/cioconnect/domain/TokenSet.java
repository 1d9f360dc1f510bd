package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials of one connection: an access token, maybe a refresh token, when the access token
 * expires ({@code null}: the provider did not say, as for App API keys) and the scopes it grants.
 */
public record TokenSet(AccessToken accessToken, RefreshToken refreshToken, TokenType type, Instant expiresAt, Scopes scopes) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scopes, "scopes");
    }

    public Optional<RefreshToken> optionalRefreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    public Optional<Instant> optionalExpiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** True when the access token expires within {@code skew} of {@code now} (never for tokens without expiry). */
    public boolean needsRefresh(Instant now, Duration skew) {
        return expiresAt != null && !now.plus(skew).isBefore(expiresAt);
    }

    /** True once the access token can no longer be used at all. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** True when there is a refresh token to renew this set with. */
    public boolean isRefreshable() {
        return refreshToken != null;
    }

    /**
     * The set after a refresh: the provider's new tokens, keeping our refresh token when the provider did
     * not rotate it (RFC 6749 §6) and our scopes when it did not restate them.
     */
    public TokenSet renewedBy(TokenSet fresh) {
        return new TokenSet(fresh.accessToken,
                fresh.refreshToken != null ? fresh.refreshToken : refreshToken,
                fresh.type,
                fresh.expiresAt,
                fresh.scopes.isEmpty() ? scopes : fresh.scopes);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=redacted, refreshToken=" + (refreshToken == null ? "none" : "redacted")
                + ", type=" + type + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
