package io.cioconnect.application.service;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RandomSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When to try a failing connection again: exponential backoff from the base up to the cap, with "equal
 * jitter" (a random point in the upper half of the step) so that connections which failed together do
 * not come back together, and never sooner than the provider's own {@code Retry-After}.
 */
final class RefreshBackoff {

    /** Beyond this many doublings every base reaches any sensible cap; it also keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final RefreshSettings settings;
    private final RandomSource random;

    RefreshBackoff(RefreshSettings settings, RandomSource random) {
        this.settings = settings;
        this.random = random;
    }

    /** The instant (whole seconds) before which no background attempt follows the {@code failures}-th failure in a row. */
    Instant retryAt(int failures, ProviderFailure failure, Instant now) {
        Duration step = step(failures);
        long halfMillis = step.toMillis() / 2;
        Duration delay = Duration.ofMillis(halfMillis + (long) (unitInterval() * (step.toMillis() - halfMillis)));
        Duration asked = failure.optionalRetryAfter().map(this::capped).orElse(Duration.ZERO);
        Instant at = now.plus(asked.compareTo(delay) > 0 ? asked : delay);
        Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(at) ? whole : whole.plusSeconds(1);
    }

    /** A random delay in {@code [0, jitter)} before a claimed refresh starts. */
    Duration startJitter() {
        return Duration.ofMillis((long) (unitInterval() * settings.jitter().toMillis()));
    }

    private Duration step(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
        Duration base = settings.backoffBase();
        if (base.compareTo(settings.backoffCap().dividedBy(1L << doublings)) > 0) {
            return settings.backoffCap();
        }
        return capped(base.multipliedBy(1L << doublings));
    }

    private Duration capped(Duration duration) {
        return duration.compareTo(settings.backoffCap()) > 0 ? settings.backoffCap() : duration;
    }

    /** A uniform double in [0, 1) from 53 random bits. */
    private double unitInterval() {
        return (ByteBuffer.wrap(random.bytes(8)).getLong() >>> 11) * 0x1.0p-53;
    }
}
