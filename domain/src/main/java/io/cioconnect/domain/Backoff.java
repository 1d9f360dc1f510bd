package io.cioconnect.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The one backoff policy: how long to wait after the n-th failure in a row. Exponential from {@code base}
 * up to {@code cap}, with "equal jitter" (a random point in the upper half of each step) so that work that
 * failed together does not come back together, and never sooner than the peer's own {@code Retry-After},
 * which is believed up to {@code retryAfterCap}. Used by token refresh, revocation retries, the provider
 * client's retries and the wait for another instance's refresh.
 *
 * @param base          the step after a first failure; it doubles with every failure in a row
 * @param cap           the longest step
 * @param retryAfterCap the longest {@code Retry-After} honoured; beyond it a peer's wish is cut to this
 */
public record Backoff(Duration base, Duration cap, Duration retryAfterCap) {

    /** Beyond this many doublings every base reaches any sensible cap; it also keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    public Backoff {
        requirePositive(base, "base");
        requirePositive(cap, "cap");
        requirePositive(retryAfterCap, "retryAfterCap");
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the backoff cap must not be shorter than its base");
        }
    }

    /** The wait after {@code failures} failures in a row: in the upper half of {@code base·2^(failures−1)}, capped. */
    public Duration after(int failures, DoubleSupplier random) {
        long step = step(failures).toMillis();
        long half = step / 2;
        double unit = Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofMillis(half + (long) (unit * (step - half)));
    }

    /** As {@link #after(int, DoubleSupplier)}, but never shorter than the peer asked (up to {@code retryAfterCap}). */
    public Duration after(int failures, Optional<Duration> retryAfter, DoubleSupplier random) {
        Duration jittered = after(failures, random);
        Duration asked = retryAfter.map(this::cappedRetryAfter).orElse(Duration.ZERO);
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    /** True when a caller waiting in line may honour this {@code Retry-After}; beyond the cap it gives up instead. */
    public boolean honours(Duration retryAfter) {
        return retryAfter.compareTo(retryAfterCap) <= 0;
    }

    private Duration cappedRetryAfter(Duration asked) {
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(retryAfterCap) > 0 ? retryAfterCap : asked;
    }

    private Duration step(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
        if (base.compareTo(cap.dividedBy(1L << doublings)) > 0) {
            return cap;
        }
        Duration doubled = base.multipliedBy(1L << doublings);
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the backoff " + name + " must be positive");
        }
    }
}
