package io.cioconnect.application;

import io.cioconnect.domain.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How tokens are kept fresh, and every timeout of the refresh coordination in one place: which tokens the
 * background refresher renews ({@code window}) and how often it looks ({@code interval}), how many
 * refreshes of one provider run at once, how long a refresh lease outlasts the provider's own time limit,
 * how long an {@code access-token} call waits for a refresh another caller is making, how a failing
 * connection backs off, and how often a waiting caller looks whether the other refresh has ended.
 *
 * @param window      {@code REFRESH_WINDOW}: tokens expiring within it are refreshed in the background
 * @param interval    {@code REFRESH_INTERVAL}: the pause between two sweeps
 * @param concurrency refreshes of one provider in flight at once in one instance, for {@code access-token}
 *                    callers and, separately, for the background sweep. Nothing of the database is held
 *                    while they wait on the provider, so this does not depend on the pool size
 * @param leaseMargin a lease lasts the provider's {@code refreshTimeLimit()} plus this: time for the claim
 *                    and the write around the call, and for clocks that differ a little between instances
 * @param waitLimit   the longest an {@code access-token} call waits for a refresh another caller is making
 * @param backoff     when a connection whose refresh failed is tried again (30 s doubling up to 1 h)
 * @param polling     how often a caller waiting for another instance's refresh reads the row again
 */
public record RefreshSettings(Duration window, Duration interval, int concurrency, Duration leaseMargin,
        Duration waitLimit, Backoff backoff, Backoff polling) {

    public static final int MAX_CONCURRENCY = 256;

    public RefreshSettings {
        requirePositive(window, "window");
        requirePositive(interval, "interval");
        requirePositive(leaseMargin, "leaseMargin");
        requirePositive(waitLimit, "waitLimit");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(polling, "polling");
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
    }

    /**
     * {@code REFRESH_WINDOW} 5 min and {@code REFRESH_INTERVAL} 30 s; 16 refreshes in flight per provider, a
     * 10 s lease margin, callers wait up to 10 s for another's refresh (polling from 25 ms up to 500 ms),
     * and backoff from 30 s to 1 h, honouring a provider's {@code Retry-After} up to 1 h.
     */
    public static RefreshSettings defaults() {
        return new RefreshSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), 16, Duration.ofSeconds(10),
                Duration.ofSeconds(10), new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1)),
                new Backoff(Duration.ofMillis(25), Duration.ofMillis(500), Duration.ofMillis(500)));
    }

    /** The same settings with another window and interval (as read from the environment). */
    public RefreshSettings withWindowAndInterval(Duration newWindow, Duration newInterval) {
        return new RefreshSettings(newWindow, newInterval, concurrency, leaseMargin, waitLimit, backoff, polling);
    }

    /** The same settings with another concurrency per provider. */
    public RefreshSettings withConcurrency(int newConcurrency) {
        return new RefreshSettings(window, interval, newConcurrency, leaseMargin, waitLimit, backoff, polling);
    }

    /** The same settings with another wait for a refresh another caller is making. */
    public RefreshSettings withWaitLimit(Duration newWaitLimit) {
        return new RefreshSettings(window, interval, concurrency, leaseMargin, newWaitLimit, backoff, polling);
    }

    /** How long a lease on a refresh with a provider that answers within {@code providerTimeLimit} lasts. */
    public Duration leaseFor(Duration providerTimeLimit) {
        return providerTimeLimit.plus(leaseMargin);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
