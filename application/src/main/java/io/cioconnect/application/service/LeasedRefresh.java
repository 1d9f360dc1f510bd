package io.cioconnect.application.service;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.application.service.RefreshOutcome.Settled;
import io.cioconnect.domain.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call and the commit of a claimed refresh: asks the provider holding nothing of the store, then writes
 * what it answered through {@link LeaseCommit}: one store call, one short transaction, compare-and-set on the
 * lease.
 */
final class LeasedRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedRefresh.class);
    private static final Duration MIN_SPACING = Duration.ofSeconds(1);

    private final ConnectionStore connections;
    private final ChangeAnnouncer announcer;
    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;
    private final RefreshSettings settings;

    LeasedRefresh(ConnectionStore connections, ChangeAnnouncer announcer, ProviderRegistry providers,
            RandomSource random, Clock clock, RefreshSettings settings) {
        this.connections = connections;
        this.announcer = announcer;
        this.providers = providers;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** Refreshes the claimed connection, leaving {@code place} (among the provider's calls) once the provider answered. */
    Settled run(LeaseClaim.Claimed claimed, RefreshAttempt attempt, Place place) {
        LeaseCommit commit = new LeaseCommit(connections, announcer, clock, claimed.lease(), claimed.connection(),
                attempt);
        try {
            return refresh(claimed.connection(), commit, place);
        } finally {
            place.leave();
            commit.releaseUnlessWritten();
        }
    }

    private Settled refresh(Connection connection, LeaseCommit commit, Place place) {
        if (!connection.tokens().isRefreshable()) {
            return commit.write(connection.markReauthorizationRequired(
                    "the access token expired and there is no refresh token", clock.instant()),
                    Outcome.REAUTHORIZATION_REQUIRED, null);
        }
        Optional<OAuthProvider> provider = providers.find(connection.provider());
        if (provider.isEmpty()) {
            return failed(connection, commit, ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE,
                    "provider is not enabled"), clock.instant());
        }
        TokenResult result = provider.get().refresh(connection.tokens().refreshToken(), connection.tokens().scopes());
        place.leave();
        Instant answered = clock.instant();
        return result.fold(
                issued -> commit.write(spacedOut(connection.refreshed(issued.tokens(), answered), answered),
                        Outcome.REFRESHED, null),
                failed -> failed(connection, commit, failed.failure(), answered));
    }

    /**
     * Every failure but {@code invalid_grant} leaves the status alone: timeouts and 5xx pass, and a
     * misconfigured client is the operator's to fix, not the owner's. The connection backs off, and its
     * {@code last_error} says how often it failed, why, and when the next background attempt comes.
     */
    private Settled failed(Connection connection, LeaseCommit commit, ProviderFailure failure, Instant now) {
        int failures = connection.refreshFailures() + 1;
        Instant retryAt = retryAt(failures, failure, now);
        if (failure.kind() == ProviderFailure.Kind.INVALID_GRANT) {
            Connection refused = connection.grantRefused("refresh refused by the provider: " + failure.detail(),
                    now, retryAt);
            LOG.warn("Connection {}: the provider refused the refresh token; {}", connection.id(),
                    refused.isActive() ? "counted as passing once after a refresh that got no answer"
                            : "reauthorization required");
            return refused.isActive()
                    ? commit.write(refused, Outcome.FAILED, ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE,
                            refused.lastError()))
                    : commit.write(refused, Outcome.REAUTHORIZATION_REQUIRED, null);
        }
        LOG.warn("Connection {}: refresh failed ({}{}, {} in a row, next attempt after {}): {}", connection.id(),
                failure.kind(), failure.outcomeUnknown() ? ", no answer" : "", failures, retryAt, failure.detail());
        String reason = "refresh failed " + failures + (failures == 1 ? " time" : " times")
                + " in a row, next attempt after " + retryAt + ": " + failure.detail();
        Connection recorded = failure.outcomeUnknown() ? connection.refreshOutcomeLost(reason, now, retryAt)
                : connection.refreshFailed(reason, now, retryAt);
        return commit.write(recorded, Outcome.FAILED, failure);
    }

    /** The backoff's instant, on a whole second so that what the API shows and what is stored agree. */
    private Instant retryAt(int failures, ProviderFailure failure, Instant now) {
        Instant at = now.plus(settings.backoff().after(failures, failure.optionalRetryAfter(), random::unitInterval));
        Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(at) ? whole : whole.plusSeconds(1);
    }

    /**
     * A token that lives shorter than the refresh window would be due again at once; the background
     * refresher leaves it alone for half its lifetime instead of claiming it in a loop.
     */
    private Connection spacedOut(Connection refreshed, Instant now) {
        if (!refreshed.needsRefresh(now, settings.window())) {
            return refreshed;
        }
        Duration halfLife = Duration.between(now, refreshed.tokens().expiresAt()).dividedBy(2);
        return refreshed.withNextRefreshAt(now.plus(halfLife.compareTo(MIN_SPACING) > 0 ? halfLife : MIN_SPACING));
    }
}
