package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials of one connection: an access token, maybe a refresh token, when the access token
 * expires ({@code null}: the provider did not say, as for App API keys) and the scopes it grants. An App
 * API key also knows its {@link AppApiRegion} (the API host that takes it); OAuth tokens have none.
 */
public record TokenSet(AccessToken accessToken, RefreshToken refreshToken, TokenType type, Instant expiresAt, Scopes scopes,
        AppApiRegion appApiRegion) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scopes, "scopes");
    }

    /** OAuth tokens: no App API region. */
    public TokenSet(AccessToken accessToken, RefreshToken refreshToken, TokenType type, Instant expiresAt, Scopes scopes) {
        this(accessToken, refreshToken, type, expiresAt, scopes, null);
    }

    public Optional<RefreshToken> optionalRefreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    public Optional<Instant> optionalExpiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<AppApiRegion> optionalAppApiRegion() {
        return Optional.ofNullable(appApiRegion);
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
                fresh.scopes.isEmpty() ? scopes : fresh.scopes,
                appApiRegion);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=redacted, refreshToken=" + (refreshToken == null ? "none" : "redacted")
                + ", type=" + type + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + (appApiRegion == null ? "" : ", appApiRegion=" + appApiRegion.code()) + "]";
    }
}
