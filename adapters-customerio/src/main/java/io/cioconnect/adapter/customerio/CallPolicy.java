package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How calls to one provider are bounded: timeouts, the response size cap, the client-side rate limit,
 * the retry policy of refresh and revocation, and the circuit breaker.
 */
public record CallPolicy(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes,
        RateLimit rateLimit, RetryPolicy retry, CircuitPolicy circuit) {

    /** 64 KiB: a token response is a few KiB at most; anything bigger is not one. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

    public CallPolicy {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuit, "circuit");
    }

    /** 5 s to connect, 10 s per request, 10 requests/s (Customer.io's App API limit), the default retry and circuit. */
    public static CallPolicy defaults() {
        return new CallPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10), DEFAULT_MAX_RESPONSE_BYTES,
                new RateLimit(10, Duration.ofSeconds(5)), RetryPolicy.defaults(), CircuitPolicy.defaults());
    }

    public CallPolicy withTimeouts(Duration connect, Duration request) {
        return new CallPolicy(connect, request, maxResponseBytes, rateLimit, retry, circuit);
    }

    public CallPolicy withRateLimit(RateLimit limit) {
        return new CallPolicy(connectTimeout, requestTimeout, maxResponseBytes, limit, retry, circuit);
    }

    public CallPolicy withRetry(RetryPolicy policy) {
        return new CallPolicy(connectTimeout, requestTimeout, maxResponseBytes, rateLimit, policy, circuit);
    }

    public CallPolicy withCircuit(CircuitPolicy policy) {
        return new CallPolicy(connectTimeout, requestTimeout, maxResponseBytes, rateLimit, retry, policy);
    }

    /**
     * The longest one call with its retries can take: an attempt waits up to {@link #permitWait()} for the
     * rate limiter and up to the request timeout for its answer, and a later attempt starts only if all of
     * that still fits in the retry budget.
     */
    public Duration longestCall() {
        Duration oneAttempt = permitWait().plus(requestTimeout);
        return oneAttempt.compareTo(retry.budget()) > 0 ? oneAttempt : retry.budget();
    }

    /** The longest an attempt waits for the client-side rate limiter: nothing when there is no limit. */
    public Duration permitWait() {
        return rateLimit.isUnlimited() ? Duration.ZERO : rateLimit.maxWait();
    }

    /** At most {@code permitsPerSecond} requests a second ({@code 0}: no limit), waiting up to {@code maxWait} for a permit. */
    public record RateLimit(int permitsPerSecond, Duration maxWait) {
        public RateLimit {
            if (permitsPerSecond < 0) {
                throw new IllegalArgumentException("permitsPerSecond must not be negative");
            }
            Objects.requireNonNull(maxWait, "maxWait");
        }

        public boolean isUnlimited() {
            return permitsPerSecond == 0;
        }
    }

    /**
     * Retries of refresh and revocation: waits as {@code backoff} says (a {@code Retry-After} beyond its
     * cap is not waited for: the caller gets the failure and decides), and no attempt starts that could end
     * after {@code budget}.
     */
    public record RetryPolicy(int maxAttempts, Backoff backoff, Duration budget) {
        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(backoff, "backoff");
            requirePositive(budget, "budget");
        }

        /** 3 attempts, 250 ms doubling up to 2 s (upper-half jitter), Retry-After honoured up to 10 s, 30 s in all. */
        public static RetryPolicy defaults() {
            Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(10));
            return new RetryPolicy(3, backoff, Duration.ofSeconds(30));
        }
    }

    /** Opens after {@code failureRatePercent} of the last {@code window} calls failed (at least {@code minimumCalls}). */
    public record CircuitPolicy(int window, int minimumCalls, float failureRatePercent, Duration openFor) {
        public CircuitPolicy {
            if (window < 1 || minimumCalls < 1 || failureRatePercent <= 0 || failureRatePercent > 100) {
                throw new IllegalArgumentException("circuit window, minimum calls and failure rate must be sensible");
            }
            requirePositive(openFor, "openFor");
        }

        /** Half of the last 10 calls (at least 5) failing opens the circuit for 30 s. */
        public static CircuitPolicy defaults() {
            return new CircuitPolicy(10, 5, 50f, Duration.ofSeconds(30));
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
