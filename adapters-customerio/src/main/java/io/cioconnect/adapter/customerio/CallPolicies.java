package io.cioconnect.adapter.customerio;

import java.time.Duration;

/** Reads the {@code <ID>_CONNECT_TIMEOUT}, {@code <ID>_REQUEST_TIMEOUT} and {@code <ID>_RATE_LIMIT} overrides of a call policy. */
final class CallPolicies {

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_RATE_LIMIT = 10_000;

    private CallPolicies() {
    }

    static CallPolicy read(EnvironmentVariables env, CallPolicy base) {
        Duration connect = env.duration("CONNECT_TIMEOUT", base.connectTimeout(), MAX_TIMEOUT);
        Duration request = env.duration("REQUEST_TIMEOUT", base.requestTimeout(), MAX_TIMEOUT);
        int permits = env.integer("RATE_LIMIT", base.rateLimit().permitsPerSecond(), MAX_RATE_LIMIT);
        return base.withTimeouts(connect, request)
                .withRateLimit(new CallPolicy.RateLimit(permits, base.rateLimit().maxWait()));
    }
}
