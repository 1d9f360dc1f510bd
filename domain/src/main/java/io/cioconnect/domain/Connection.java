package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One owner's connection to one provider: the encrypted-at-rest credentials and what the host
 * application may know about them. Changes return a new value with {@code version} left for the store
 * to bump, so concurrent writers are detected. {@code nextRefreshAt}, when set, is the instant before
 * which the background refresher leaves the connection alone: the end of a backoff after failed
 * refreshes, or a pause after refreshing a token that lives shorter than the refresh window.
 * {@code refreshOutcomeUnknown} is set when the last refresh with the stored refresh token got no answer
 * (a timeout or a connection lost after sending): the provider may have rotated the token meanwhile.
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
        Instant nextRefreshAt,
        boolean refreshOutcomeUnknown,
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
        return new Connection(id, owner, provider, ConnectionStatus.ACTIVE, tokens, now, now, null, null, 0, null, false,
                0);
    }

    /** Reconnecting keeps the id and creation time and replaces everything else. */
    public Connection reconnected(TokenSet fresh, Instant now) {
        return new Connection(id, owner, provider, ConnectionStatus.ACTIVE, fresh, createdAt, now, null, null, 0, null,
                false, version);
    }

    /** A successful refresh: new tokens (keeping the refresh token if not rotated), errors cleared. */
    public Connection refreshed(TokenSet fresh, Instant now) {
        requireActive();
        return new Connection(id, owner, provider, status, tokens.renewedBy(fresh), createdAt, now, now, null, 0, null,
                false, version);
    }

    /**
     * A refresh that failed for a reason that may pass (timeout, 5xx, 429): status and tokens unchanged, the
     * error recorded and counted, and the background refresher kept away until {@code retryAt}.
     */
    public Connection refreshFailed(String reason, Instant now, Instant retryAt) {
        return failedAgain(reason, now, retryAt, refreshOutcomeUnknown);
    }

    /**
     * A refresh that got no answer (a timeout, a connection lost after sending): like {@link #refreshFailed},
     * and remembering that the provider may have used up the stored refresh token, so that an
     * {@code invalid_grant} for it is not at once taken for a lost grant ({@link #grantRefused}).
     */
    public Connection refreshOutcomeLost(String reason, Instant now, Instant retryAt) {
        return failedAgain(reason, now, retryAt, true);
    }

    /**
     * The provider answered {@code invalid_grant} for the stored refresh token. Right after a refresh whose
     * outcome was lost, that may be the provider's own rotation of it, or a passing error: it counts as a
     * passing failure once (recorded in {@code lastError}, the mark cleared); otherwise, and the next
     * time, the grant is gone ({@link #markReauthorizationRequired}).
     */
    public Connection grantRefused(String reason, Instant now, Instant retryAt) {
        if (!refreshOutcomeUnknown) {
            return markReauthorizationRequired(reason, now);
        }
        return failedAgain("after a refresh that got no answer, " + reason + "; counted as passing once", now,
                retryAt, false);
    }

    /** The provider refused the grant for good ({@code invalid_grant}): only a new flow repairs this. */
    public Connection markReauthorizationRequired(String reason, Instant now) {
        if (!status.canBecome(ConnectionStatus.REAUTHORIZATION_REQUIRED)) {
            return this;
        }
        return new Connection(id, owner, provider, ConnectionStatus.REAUTHORIZATION_REQUIRED, tokens, createdAt, now,
                lastRefreshedAt, reason, refreshFailures, nextRefreshAt, false, version);
    }

    public boolean isActive() {
        return status == ConnectionStatus.ACTIVE;
    }

    /** True when the access token should be refreshed before it is handed out. */
    public boolean needsRefresh(Instant now, Duration skew) {
        return tokens.needsRefresh(now, skew);
    }

    /**
     * True while a backoff after failed refreshes lasts: refreshing now would only hammer a provider that
     * has just failed, so a token that still works is served as it is.
     */
    public boolean isBackingOff(Instant now) {
        return refreshFailures > 0 && nextRefreshAt != null && now.isBefore(nextRefreshAt);
    }

    /**
     * True while the connection is in a "refresh failing" episode: active, its last refresh failed and, when
     * it failed, the access token had already expired. Failures are recorded at {@code updatedAt}, so this
     * holds from the first failure after expiry until a refresh succeeds, the grant is lost or the owner
     * reconnects. A webhook announces the start and the end of each episode once.
     */
    public boolean isRefreshFailing() {
        return isActive() && refreshFailures > 0 && tokens.expiresAt() != null
                && !updatedAt.isBefore(tokens.expiresAt());
    }

    /** The same connection as stored under the next version. */
    public Connection withVersion(long newVersion) {
        return new Connection(id, owner, provider, status, tokens, createdAt, updatedAt, lastRefreshedAt, lastError,
                refreshFailures, nextRefreshAt, refreshOutcomeUnknown, newVersion);
    }

    /** The same connection, left alone by the background refresher until {@code instant}. */
    public Connection withNextRefreshAt(Instant instant) {
        return new Connection(id, owner, provider, status, tokens, createdAt, updatedAt, lastRefreshedAt, lastError,
                refreshFailures, instant, refreshOutcomeUnknown, version);
    }

    private Connection failedAgain(String reason, Instant now, Instant retryAt, boolean outcomeUnknown) {
        Objects.requireNonNull(retryAt, "retryAt");
        return new Connection(id, owner, provider, status, tokens, createdAt, now, lastRefreshedAt, reason,
                refreshFailures + 1, retryAt, outcomeUnknown, version);
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
