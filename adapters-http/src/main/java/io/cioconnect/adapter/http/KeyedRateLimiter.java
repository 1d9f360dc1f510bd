package io.cioconnect.adapter.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j {@link RateLimiter} per key (an API key name, a client IP), allowing {@code perSecond}
 * requests each second. Only the most recently seen keys are kept, so a flood of distinct client
 * addresses cannot grow memory without bound.
 */
final class KeyedRateLimiter {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private static final int MAX_TRACKED_KEYS = 10_000;

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_TRACKED_KEYS;
        }
    };

    KeyedRateLimiter(int perSecond) {
        this.config = perSecond == 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** True when the request may go on; always true when the limit is off (0). */
    boolean tryAcquire(String key) {
        if (config == null) {
            return true;
        }
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of("http", config));
        }
        return limiter.acquirePermission();
    }
}
