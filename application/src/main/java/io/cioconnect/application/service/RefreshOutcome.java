package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.domain.Connection;
import java.time.Instant;

/** What a refresh attempt ended in, for its caller. */
sealed interface RefreshOutcome {

    /** The token is fresh: refreshed now, or by someone else just before us. */
    record Fresh(Connection connection) implements RefreshOutcome {
    }

    /** No new token for a passing reason, but the current token has not expired yet. */
    record StillValid(Connection connection, ProviderFailure failure) implements RefreshOutcome {
    }

    /** No new token for a passing reason, and the current token has expired. */
    record Unavailable(ProviderFailure failure) implements RefreshOutcome {
    }

    /** The grant is gone; the owner must connect again. */
    record ReauthorizationRequired() implements RefreshOutcome {
    }

    /** The connection was deleted meanwhile. */
    record Gone() implements RefreshOutcome {
    }

    /** No new token for {@code failure}: the current one if it still works, else "unavailable". */
    static RefreshOutcome withoutNewToken(Connection current, ProviderFailure failure, Instant now) {
        return current.tokens().isExpired(now) ? new Unavailable(failure) : new StillValid(current, failure);
    }

    /** How an attempt ended, for its caller and for the metrics. */
    record Settled(RefreshOutcome outcome, Outcome counted) {
    }
}
