package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.domain.ProviderId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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

    private final ProviderId provider;
    private final CallPolicy policy;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    ResilientCalls(ProviderId provider, CallPolicy policy) {
        this.provider = provider;
        this.policy = policy;
        this.breaker = CircuitBreaker.of(provider.value(), CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.circuit().window())
                .minimumNumberOfCalls(policy.circuit().minimumCalls())
                .failureRateThreshold(policy.circuit().failureRatePercent())
                .waitDurationInOpenState(policy.circuit().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(Boolean.TRUE::equals)
                .build());
        this.limiter = policy.rateLimit().isUnlimited() ? null : RateLimiter.of(provider.value(),
                RateLimiterConfig.custom()
                        .limitForPeriod(policy.rateLimit().permitsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(policy.rateLimit().maxWait())
                        .build());
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
