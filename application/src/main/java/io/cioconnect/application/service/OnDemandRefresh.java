package io.cioconnect.application.service;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.service.RefreshOutcome.Settled;
import io.cioconnect.domain.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@code access-token} caller's refresh: claims the connection's lease and refreshes, or, while another
 * worker (in this instance or another) holds it, waits for that worker's result holding nothing of the
 * store: it reads the row again after short pauses that grow, until the result is stored, the lease ends
 * (its holder died: the lease is taken over) or the caller's deadline comes.
 */
final class OnDemandRefresh {

    /** What a caller that could not be served a new token now is told to wait: refreshes usually end within seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ConnectionStore connections;
    private final LeasedRefresh leased;
    private final Leases leases;
    private final ProviderBulkheads bulkheads;
    private final RandomSource random;
    private final Clock clock;
    private final RefreshSettings settings;

    OnDemandRefresh(ConnectionStore connections, LeasedRefresh leased, Leases leases, RandomSource random, Clock clock,
            RefreshSettings settings) {
        this.connections = connections;
        this.leased = leased;
        this.leases = leases;
        this.bulkheads = new ProviderBulkheads(settings.concurrency());
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** Settles {@code attempt}, waiting for another worker's refresh until {@code deadlineNanos} (of nanoTime). */
    Settled settle(RefreshAttempt attempt, long deadlineNanos) {
        Connection current = attempt.seen();
        for (int polls = 1;; polls++) {
            Instant now = clock.instant();
            Optional<Settled> reused = RefreshDecision.withoutProvider(attempt, current, now);
            if (reused.isPresent()) {
                return reused.get();
            }
            Optional<Place> place = bulkheads.tryEnter(current.provider());
            if (place.isEmpty()) {
                return withoutNewToken(current, "too many refreshes with this provider are in flight",
                        Outcome.REJECTED);
            }
            LeaseClaim claim;
            try {
                claim = connections.claimRefresh(leases.wanted(current), now);
                if (claim instanceof LeaseClaim.Claimed claimed) {
                    return leased.run(claimed, attempt, place.get());
                }
            } finally {
                place.get().leave();
            }
            if (claim instanceof LeaseClaim.Changed changed) {
                current = changed.current(); // another worker wrote: look at what it left before anything else
            } else if (claim instanceof LeaseClaim.Gone) {
                return new Settled(new RefreshOutcome.Gone(), Outcome.GONE);
            } else if (claim instanceof LeaseClaim.Busy) {
                if (!pause(polls, deadlineNanos)) {
                    return late(current);
                }
            } else {
                throw new IllegalStateException("unknown lease claim " + claim.getClass().getSimpleName());
            }
        }
    }

    /** The answer for a caller whose deadline came while another worker's refresh was still running. */
    Settled late(Connection current) {
        return withoutNewToken(current, "another refresh of this connection has not ended yet", Outcome.WAIT_TIMEOUT);
    }

    private Settled withoutNewToken(Connection current, String why, Outcome counted) {
        ProviderFailure failure = new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, why, RETRY_AFTER);
        return new Settled(RefreshOutcome.withoutNewToken(current, failure, clock.instant()), counted);
    }

    /** Waits before the next look, growing with each one; false once the deadline has passed. */
    private boolean pause(int polls, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || Thread.currentThread().isInterrupted()) {
            return false;
        }
        long wait = settings.polling().after(polls, random::unitInterval).toNanos();
        LockSupport.parkNanos(Math.min(wait, left));
        return !Thread.currentThread().isInterrupted();
    }
}
