package io.cioconnect.application.port.out;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a provider call failed, classified so the application can react to each kind differently.
 * {@code outcomeUnknown} marks a request that may have reached the provider although no answer came back
 * (a timeout, a connection lost after sending): the provider may have acted on it.
 */
public record ProviderFailure(Kind kind, String detail, Duration retryAfter, boolean outcomeUnknown) {

    /** The kinds of failure, from "the grant is gone" to "try again later". */
    public enum Kind {
        /** RFC 6749 §5.2 {@code invalid_grant}: the code or refresh token is invalid, expired or revoked. */
        INVALID_GRANT(false),
        /** {@code invalid_client}: our client credentials are wrong; an operator must act. */
        INVALID_CLIENT(false),
        /** {@code unauthorized_client}: this client may not use this grant type. */
        UNAUTHORIZED_CLIENT(false),
        /** Any other OAuth error the provider stated ({@code invalid_scope}, {@code invalid_request}, ...). */
        REJECTED(false),
        /** A 2xx we cannot accept: HTML, not JSON, no {@code access_token}, unknown token type, ... */
        INVALID_RESPONSE(false),
        /** HTTP 429: the provider asked us to slow down. */
        RATE_LIMITED(true),
        /** Timeouts, connection failures, 5xx, an open circuit breaker: the provider may recover. */
        UNAVAILABLE(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True for failures that may pass by themselves and must never mark a connection broken. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    public ProviderFailure {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? kind.name().toLowerCase(Locale.ROOT) : detail;
        if (outcomeUnknown && kind != Kind.UNAVAILABLE) {
            throw new IllegalArgumentException("only an unanswered request has an unknown outcome");
        }
    }

    /** A failure whose outcome is known: the provider answered, or the request never left. */
    public ProviderFailure(Kind kind, String detail, Duration retryAfter) {
        this(kind, detail, retryAfter, false);
    }

    public static ProviderFailure of(Kind kind, String detail) {
        return new ProviderFailure(kind, detail, null);
    }

    /** No answer to a request that may have reached the provider. */
    public static ProviderFailure unanswered(String detail) {
        return new ProviderFailure(Kind.UNAVAILABLE, detail, null, true);
    }

    /** How long the provider asked us to wait, if it said. */
    public Optional<Duration> optionalRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isTransient() {
        return kind.isTransient();
    }
}
