package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One owner's connection to one provider: the encrypted-at-rest credentials and what the host
 * application may know about them. Changes return a new value with {@code version} left for the store
 * to bump, so concurrent writers are detected.
 */
public record Connection(
        ConnectionId id,
        Owner owner,
        ProviderId provider,
        ConnectionStatus status,
        TokenSet tokens,
        Instant createdAt,
        Instant updatedAt,
        Instant lastRefreshedAt,
        String lastError,
        int refreshFailures,
        long version) {

    /** Keeps provider error text short enough to show and store, and on one line. */
    public static final int MAX_ERROR_LENGTH = 300;

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (refreshFailures < 0 || version < 0) {
            throw new IllegalArgumentException("refreshFailures and version must not be negative");
        }
        lastError = lastError == null ? null : oneLine(lastError);
    }

    /** A brand-new connection after a completed flow. */
    public static Connection connect(ConnectionId id, Owner owner, ProviderId provider, TokenSet tokens, Instant now) {
        return new Connection(id, owner, provider, ConnectionStatus.ACTIVE, tokens, now, now, null, null, 0, 0);
    }

    /** Reconnecting keeps the id and creation time and replaces everything else. */
    public Connection reconnected(TokenSet fresh, Instant now) {
        return new Connection(id, owner, provider, ConnectionStatus.ACTIVE, fresh, createdAt, now, null, null, 0, version);
    }

    /** A successful refresh: new tokens (keeping the refresh token if not rotated), errors cleared. */
    public Connection refreshed(TokenSet fresh, Instant now) {
        requireActive();
        return new Connection(id, owner, provider, status, tokens.renewedBy(fresh), createdAt, now, now, null, 0, version);
    }

    /** A refresh that failed for a reason that may pass (timeout, 5xx, 429): status unchanged, error recorded. */
    public Connection refreshFailed(String reason, Instant now) {
        return new Connection(id, owner, provider, status, tokens, createdAt, now, lastRefreshedAt, reason,
                refreshFailures + 1, version);
    }

    /** The provider refused the grant for good ({@code invalid_grant}): only a new flow repairs this. */
    public Connection markReauthorizationRequired(String reason, Instant now) {
        if (!status.canBecome(ConnectionStatus.REAUTHORIZATION_REQUIRED)) {
            return this;
        }
        return new Connection(id, owner, provider, ConnectionStatus.REAUTHORIZATION_REQUIRED, tokens, createdAt, now,
                lastRefreshedAt, reason, refreshFailures, version);
    }

    public boolean isActive() {
        return status == ConnectionStatus.ACTIVE;
    }

    /** True when the access token should be refreshed before it is handed out. */
    public boolean needsRefresh(Instant now, Duration skew) {
        return tokens.needsRefresh(now, skew);
    }

    /** The same connection as stored under the next version. */
    public Connection withVersion(long newVersion) {
        return new Connection(id, owner, provider, status, tokens, createdAt, updatedAt, lastRefreshedAt, lastError,
                refreshFailures, newVersion);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new DomainException(ErrorCode.REAUTHORIZATION_REQUIRED, "the connection must be authorized again");
        }
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
        if (flat.length() <= MAX_ERROR_LENGTH) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(MAX_ERROR_LENGTH - 1)) ? MAX_ERROR_LENGTH - 1 : MAX_ERROR_LENGTH;
        return flat.substring(0, end);
    }
}
