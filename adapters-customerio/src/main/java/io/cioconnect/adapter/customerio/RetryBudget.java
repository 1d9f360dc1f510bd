package io.cioconnect.adapter.customerio;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry decisions of one call: the policy's {@link io.cioconnect.domain.Backoff} (exponential with
 * jitter, {@code Retry-After} honoured up to its cap), no attempt that could end after the budget (a
 * whole permit wait and request timeout must still fit), and never another attempt of a request that is
 * not repeatable once it may have reached the provider.
 */
final class RetryBudget {

    private final CallPolicy policy;
    private final boolean repeatable;
    private final long startNanos = System.nanoTime();
    private int failures;
    private long nextWaitMillis;

    RetryBudget(CallPolicy policy, boolean repeatable) {
        this.policy = policy;
        this.repeatable = repeatable;
    }

    /** Decides on another attempt after {@code attempt}, and remembers how long to wait before it. */
    boolean allowsAnotherAttempt(Attempt<?> attempt) {
        if (!attempt.retryable() || (!repeatable && attempt.failure().outcomeUnknown())) {
            return false;
        }
        failures++;
        Duration retryAfter = attempt.failure().retryAfter();
        if (retryAfter != null && !policy.retry().backoff().honours(retryAfter)) {
            return false; // the caller gets RATE_LIMITED/UNAVAILABLE with this retryAfter and decides
        }
        Duration wait = policy.retry().backoff().after(failures, attempt.failure().optionalRetryAfter(),
                ThreadLocalRandom.current()::nextDouble);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration end = elapsed.plus(wait).plus(policy.permitWait()).plus(policy.requestTimeout());
        if (end.compareTo(policy.retry().budget()) > 0) {
            return false;
        }
        nextWaitMillis = wait.toMillis();
        return true;
    }

    long nextWaitMillis() {
        return nextWaitMillis;
    }
}
