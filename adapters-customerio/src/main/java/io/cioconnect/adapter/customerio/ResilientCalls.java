package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The failure policy of one provider: every attempt passes its circuit breaker and its client-side rate
 * limiter; {@link #withRetries} adds bounded retries with backoff ({@link RetryBudget}), {@link #once} never
 * retries.
 */
final class ResilientCalls {

    /**
     * How to read a failure out of a result, how to make a result out of a failure, and whether the request
     * may be sent again after it may have reached the provider (a revocation may; a refresh, whose token the
     * provider may have rotated meanwhile, may not).
     */
    record Results<R>(Function<R, ProviderFailure> failureOf, Function<ProviderFailure, R> failed, boolean repeatable) {
    }

    private final CallPolicy policy;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    /**
     * @param name   the breaker's and limiter's name on {@code /metrics} (tag {@code name}): the provider's id, with
     *               the region for a provider that has one policy per region
     * @param meters where resilience4j's own binders report the breaker's state and calls and the limiter's permits
     */
    ResilientCalls(String name, CallPolicy policy, MeterRegistry meters) {
        this.policy = policy;
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        this.breaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.circuit().window())
                .minimumNumberOfCalls(policy.circuit().minimumCalls())
                .failureRateThreshold(policy.circuit().failureRatePercent())
                .waitDurationInOpenState(policy.circuit().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(Boolean.TRUE::equals)
                .build());
        RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
        this.limiter = policy.rateLimit().isUnlimited() ? null : limiters.rateLimiter(name,
                RateLimiterConfig.custom()
                        .limitForPeriod(policy.rateLimit().permitsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(policy.rateLimit().maxWait())
                        .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
    }

    /** One attempt and no retry: for the code exchange, whose code may be spent once the request left. */
    <R> R once(Supplier<R> attempt, Results<R> results) {
        return guarded(attempt, results).result();
    }

    /**
     * Attempts until success, a failure not worth retrying (or, for a request that is not repeatable, one
     * that got no answer), {@code maxAttempts}, or the time budget: within {@link CallPolicy#longestCall()}.
     */
    <R> R withRetries(Supplier<R> attempt, Results<R> results) {
        RetryBudget budget = new RetryBudget(policy, results.repeatable());
        Attempt<R> outcome = guarded(attempt, results);
        for (int attempts = 1; attempts < policy.retry().maxAttempts() && budget.allowsAnotherAttempt(outcome);
                attempts++) {
            if (!pause(budget.nextWaitMillis())) {
                break;
            }
            outcome = guarded(attempt, results);
        }
        return outcome.result();
    }

    /** Waits before another attempt; false when interrupted (shutting down: the last answer stands). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // the backoff between two attempts, not a wait for a condition
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <R> Attempt<R> guarded(Supplier<R> attempt, Results<R> results) {
        if (!breaker.tryAcquirePermission()) {
            return local(results, new ProviderFailure(Kind.UNAVAILABLE,
                    "circuit breaker open after repeated failures; no request sent", policy.circuit().openFor()));
        }
        if (limiter != null && !limiter.acquirePermission()) {
            breaker.releasePermission();
            return local(results, new ProviderFailure(Kind.RATE_LIMITED,
                    "client-side rate limit of " + policy.rateLimit().permitsPerSecond() + "/s reached; no request sent",
                    Duration.ofSeconds(1)));
        }
        long start = System.nanoTime();
        try {
            R result = attempt.get();
            Attempt<R> outcome = new Attempt<>(result, results.failureOf().apply(result), false);
            breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, outcome.providerFault());
            return outcome;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private static <R> Attempt<R> local(Results<R> results, ProviderFailure failure) {
        return new Attempt<>(results.failed().apply(failure), failure, true);
    }
}
