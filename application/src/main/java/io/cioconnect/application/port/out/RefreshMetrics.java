package io.cioconnect.application.port.out;

import java.util.Locale;

/** Out-port: counts refresh attempts by what started them and how they ended (Micrometer in production). */
public interface RefreshMetrics {

    /** Counts one refresh attempt, whether or not it asked the provider. */
    void recorded(Trigger trigger, Outcome outcome);

    /** What started the attempt. */
    enum Trigger {
        /** An {@code access-token} call found the token due (or was told to refresh). */
        ON_DEMAND,
        /** The background refresher claimed the connection. */
        BACKGROUND;

        /** The metric tag value: {@code on_demand}, {@code background}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the attempt ended. */
    enum Outcome {
        /** The provider issued new tokens and they were stored. */
        REFRESHED,
        /** Another worker refreshed (or tried and failed, or lost the grant) meanwhile; no provider call. */
        REUSED,
        /** The token turned out not to need a refresh; no provider call. */
        NOT_NEEDED,
        /** The provider's refresh bulkhead was full; answered at once, no provider call. */
        REJECTED,
        /** Another worker's refresh was still running when this caller's deadline came; no provider call. */
        WAIT_TIMEOUT,
        /** The provider answered, but the lease had passed to another worker: the answer was not stored. */
        LOST,
        /** The provider failed for a passing reason (or is not enabled); the connection backs off. */
        FAILED,
        /** The grant is gone ({@code invalid_grant}, or expired without a refresh token). */
        REAUTHORIZATION_REQUIRED,
        /** The connection was deleted meanwhile. */
        GONE,
        /** The store failed (database down) or something unexpected was thrown. */
        ERROR;

        /** The metric tag value, e.g. {@code reauthorization_required}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
