package io.cioconnect.adapter.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j {@link RateLimiter} per key (an API key name, a client IP), allowing {@code limit}
 * permits each {@code period} (a second unless said otherwise). Only the most recently seen keys are kept,
 * so a flood of distinct client addresses cannot grow memory without bound.
 */
final class KeyedRateLimiter {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private static final int MAX_TRACKED_KEYS = 10_000;

    private final RateLimiterConfig config;
    private final Duration period;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_TRACKED_KEYS;
        }
    };

    KeyedRateLimiter(int perSecond) {
        this(perSecond, PERIOD);
    }

    KeyedRateLimiter(int limit, Duration period) {
        this.period = period;
        this.config = limit == 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** How long one budget lasts: what a client that spent it is told to wait, at most. */
    Duration period() {
        return period;
    }

    /** True when the request may go on, spending a permit; always true when the limit is off (0). */
    boolean tryAcquire(String key) {
        return config == null || limiter(key).acquirePermission();
    }

    /**
     * True when {@code key} has no permit left in this period, without spending one (nor tracking a key never
     * seen); never when the limit is off.
     */
    boolean isExhausted(String key) {
        if (config == null) {
            return false;
        }
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.get(key);
        }
        return limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0;
    }

    private RateLimiter limiter(String key) {
        synchronized (limiters) {
            return limiters.computeIfAbsent(key, k -> RateLimiter.of("http", config));
        }
    }
}
