package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.service.RefreshOutcome.Settled;
import io.cioconnect.domain.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * What a refresh attempt makes of the connection as it is stored now, before it claims the refresh: a
 * result another worker left (a refresh, a failure, a lost grant) is reused instead of asking the provider
 * again, and a token that is no longer due is left alone.
 */
final class RefreshDecision {

    private RefreshDecision() {
    }

    /** How the attempt ends without a provider call, or empty when the provider must be asked. */
    static Optional<Settled> withoutProvider(RefreshAttempt attempt, Connection current, Instant now) {
        boolean changedMeanwhile = current.version() != attempt.seen().version();
        if (!current.isActive()) {
            return settled(new RefreshOutcome.ReauthorizationRequired(), Outcome.REUSED);
        }
        if ((!attempt.force() || changedMeanwhile) && !current.needsRefresh(now, attempt.margin())) {
            return settled(new RefreshOutcome.Fresh(current), changedMeanwhile ? Outcome.REUSED : Outcome.NOT_NEEDED);
        }
        if (changedMeanwhile && current.isBackingOff(now)) {
            // Another worker asked the provider a moment ago and it failed: asking again now would hammer it.
            ProviderFailure failure = ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, current.lastError());
            return settled(RefreshOutcome.withoutNewToken(current, failure, now), Outcome.REUSED);
        }
        if (!current.tokens().isRefreshable() && !current.tokens().isExpired(now)) {
            return settled(new RefreshOutcome.Fresh(current), Outcome.NOT_NEEDED);
        }
        return Optional.empty();
    }

    /**
     * After the lease passed to another worker (or the connection was reconnected or deleted) while this
     * one asked the provider: whatever is stored now stands; this worker's answer is never written over it.
     */
    static Settled afterLostLease(Optional<Connection> current, RefreshAttempt attempt, Instant now) {
        if (current.isEmpty()) {
            return new Settled(new RefreshOutcome.Gone(), Outcome.LOST);
        }
        Connection stored = current.get();
        if (!stored.isActive()) {
            return new Settled(new RefreshOutcome.ReauthorizationRequired(), Outcome.LOST);
        }
        if (!stored.needsRefresh(now, attempt.margin())) {
            return new Settled(new RefreshOutcome.Fresh(stored), Outcome.LOST);
        }
        ProviderFailure failure = ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE,
                "another worker took over this connection's refresh");
        return new Settled(RefreshOutcome.withoutNewToken(stored, failure, now), Outcome.LOST);
    }

    private static Optional<Settled> settled(RefreshOutcome outcome, Outcome counted) {
        return Optional.of(new Settled(outcome, counted));
    }
}
