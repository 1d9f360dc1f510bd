package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ConnectionStore.LockedConnection;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one connection under its cross-process lock. After taking the lock it reads the row again,
 * so a refresh (or a failed attempt) another worker has just made is reused, and {@code invalid_grant} is
 * only believed for the refresh token that is actually stored. New tokens are written before the lock is
 * released, in the same transaction; a passing failure leaves the status alone and sets a backoff.
 */
final class ConnectionRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRefresher.class);
    private static final Duration MIN_SPACING = Duration.ofSeconds(1);

    private final ConnectionStore connections;
    private final ProviderRegistry providers;
    private final Clock clock;
    private final ConnectSettings settings;
    private final RefreshSettings refreshSettings;
    private final RefreshBackoff backoff;
    private final RefreshMetrics metrics;

    ConnectionRefresher(ConnectionStore connections, ProviderRegistry providers, RandomSource random, Clock clock,
            ConnectSettings settings, RefreshSettings refreshSettings, RefreshMetrics metrics) {
        this.connections = connections;
        this.providers = providers;
        this.clock = clock;
        this.settings = settings;
        this.refreshSettings = refreshSettings;
        this.backoff = new RefreshBackoff(refreshSettings, random);
        this.metrics = metrics;
    }

    /** Runs one attempt and counts how it ended, after its transaction committed (or failed). */
    Settled refresh(RefreshAttempt attempt) {
        Settled settled;
        try {
            settled = connections.withRefreshLock(attempt.id(), settings.refreshLockTimeout(),
                    locked -> refreshLocked(locked, attempt));
        } catch (RuntimeException e) {
            metrics.recorded(attempt.trigger(), Outcome.ERROR);
            throw e;
        }
        metrics.recorded(attempt.trigger(), settled.counted());
        return settled;
    }

    private Settled refreshLocked(LockedConnection locked, RefreshAttempt attempt) {
        Optional<Connection> current = locked.current();
        if (current.isEmpty()) {
            return new Settled(new RefreshOutcome.Gone(), Outcome.GONE);
        }
        Connection connection = current.get();
        if (!connection.isActive()) {
            return new Settled(new RefreshOutcome.ReauthorizationRequired(), Outcome.REUSED);
        }
        Instant now = clock.instant();
        boolean changedMeanwhile = connection.version() != attempt.seenVersion();
        if ((!attempt.force() || changedMeanwhile) && !connection.needsRefresh(now, attempt.margin())) {
            Outcome counted = changedMeanwhile ? Outcome.REUSED : Outcome.NOT_NEEDED;
            return new Settled(new RefreshOutcome.Fresh(connection), counted);
        }
        if (changedMeanwhile && connection.isBackingOff(now)) {
            // Another worker asked the provider a moment ago and it failed: asking again now would hammer it.
            ProviderFailure failure = ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, connection.lastError());
            return new Settled(failedOutcome(connection, failure, now), Outcome.REUSED);
        }
        if (!connection.tokens().isRefreshable()) {
            return withoutRefreshToken(locked, connection, now);
        }
        Optional<OAuthProvider> provider = providers.find(connection.provider());
        if (provider.isEmpty()) {
            return transientFailure(locked, connection,
                    ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, "provider is not enabled"), now);
        }
        TokenResult result = provider.get().refresh(connection.tokens().refreshToken(), connection.tokens().scopes());
        Instant answered = clock.instant();
        if (result instanceof TokenResult.Issued issued) {
            Connection saved = locked.save(spacedOut(connection.refreshed(issued.tokens(), answered), answered));
            return new Settled(new RefreshOutcome.Fresh(saved), Outcome.REFRESHED);
        }
        ProviderFailure failure = ((TokenResult.Failed) result).failure();
        if (failure.kind() == ProviderFailure.Kind.INVALID_GRANT) {
            LOG.warn("Connection {}: the provider refused the refresh token; reauthorization required", connection.id());
            locked.save(connection.markReauthorizationRequired("refresh refused by the provider: " + failure.detail(),
                    answered));
            return new Settled(new RefreshOutcome.ReauthorizationRequired(), Outcome.REAUTHORIZATION_REQUIRED);
        }
        return transientFailure(locked, connection, failure, answered);
    }

    /**
     * A token that lives shorter than the refresh window would be due again at once; the background
     * refresher leaves it alone for half its lifetime instead of claiming it in a loop.
     */
    private Connection spacedOut(Connection refreshed, Instant now) {
        if (!refreshed.needsRefresh(now, refreshSettings.window())) {
            return refreshed;
        }
        Duration halfLife = Duration.between(now, refreshed.tokens().expiresAt()).dividedBy(2);
        return refreshed.withNextRefreshAt(now.plus(halfLife.compareTo(MIN_SPACING) > 0 ? halfLife : MIN_SPACING));
    }

    private static Settled withoutRefreshToken(LockedConnection locked, Connection connection, Instant now) {
        if (!connection.tokens().isExpired(now)) {
            return new Settled(new RefreshOutcome.Fresh(connection), Outcome.NOT_NEEDED);
        }
        locked.save(connection.markReauthorizationRequired("the access token expired and there is no refresh token", now));
        return new Settled(new RefreshOutcome.ReauthorizationRequired(), Outcome.REAUTHORIZATION_REQUIRED);
    }

    /**
     * Every failure but {@code invalid_grant} leaves the status alone (SPEC §2 step 6): timeouts and 5xx
     * pass, and a misconfigured client is the operator's to fix, not the owner's. The connection backs off,
     * and its {@code last_error} says how often it failed, why, and when the next background attempt comes.
     */
    private Settled transientFailure(LockedConnection locked, Connection connection, ProviderFailure failure,
            Instant now) {
        int failures = connection.refreshFailures() + 1;
        Instant retryAt = backoff.retryAt(failures, failure, now);
        LOG.warn("Connection {}: refresh failed ({}, {} in a row, next attempt after {}): {}", connection.id(),
                failure.kind(), failures, retryAt, failure.detail());
        String reason = "refresh failed " + failures + (failures == 1 ? " time" : " times")
                + " in a row, next attempt after " + retryAt + ": " + failure.detail();
        Connection recorded = locked.save(connection.refreshFailed(reason, now, retryAt));
        return new Settled(failedOutcome(recorded, failure, now), Outcome.FAILED);
    }

    private static RefreshOutcome failedOutcome(Connection connection, ProviderFailure failure, Instant now) {
        return connection.tokens().isExpired(now)
                ? new RefreshOutcome.Unavailable(failure)
                : new RefreshOutcome.StillValid(connection, failure);
    }

    /** How an attempt ended, for its caller and for the metrics. */
    record Settled(RefreshOutcome outcome, Outcome counted) {
    }
}
