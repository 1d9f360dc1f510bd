package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.CallPolicy.RetryPolicy;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * The retry decisions of one call: exponential backoff with jitter, {@code Retry-After} honoured up to a
 * cap, and no further attempt unless its wait plus a whole request timeout still fits in the budget.
 */
final class RetryBudget {

    /** Jitter of ±50 % spreads the retries of many connections refreshing at the same moment. */
    private static final double RANDOMIZATION = 0.5;

    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final IntervalFunction backoff;
    private final long startNanos = System.nanoTime();
    private int failures;
    private long nextWaitMillis;

    RetryBudget(RetryPolicy policy, Duration requestTimeout) {
        this.policy = policy;
        this.requestTimeout = requestTimeout;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(policy.initialBackoff(), 2.0,
                RANDOMIZATION, policy.maxBackoff());
    }

    /** Decides on another attempt after {@code attempt}, and remembers how long to wait before it. */
    boolean allowsAnotherAttempt(Attempt<?> attempt) {
        if (!attempt.retryable()) {
            return false;
        }
        failures++;
        Duration wait = Duration.ofMillis(backoff.apply(failures));
        Duration retryAfter = attempt.failure().retryAfter();
        if (retryAfter != null) {
            if (retryAfter.compareTo(policy.retryAfterCap()) > 0) {
                return false; // the caller gets RATE_LIMITED/UNAVAILABLE with this retryAfter and decides
            }
            wait = retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (elapsed.plus(wait).plus(requestTimeout).compareTo(policy.budget()) > 0) {
            return false;
        }
        nextWaitMillis = wait.toMillis();
        return true;
    }

    long nextWaitMillis() {
        return nextWaitMillis;
    }
}
