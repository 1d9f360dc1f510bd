package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Optional;

/**
 * Before every {@code /api/**} request: {@code Authorization: Bearer <key>} must name a configured key.
 * Failed attempts are counted per client IP; a client that has used up its budget of failures is answered
 * 429 before its key is even looked up: guessing keys gets slow, and a flood of wrong ones costs us little.
 */
final class ApiKeyFilter implements Handler {

    /** Request attribute holding the authenticated key's name, for the request log. */
    static final String KEY_NAME = "cioconnect.apiKeyName";
    /** {@code AUTH_FAILURE_LIMIT} counts failures per this period. */
    static final Duration FAILURE_PERIOD = Duration.ofMinutes(1);

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final KeyedRateLimiter failures;
    private final ClientIp clientIp;

    ApiKeyFilter(ApiKeys keys, KeyedRateLimiter failures, ClientIp clientIp) {
        this.keys = keys;
        this.failures = failures;
        this.clientIp = clientIp;
    }

    @Override
    public void handle(Context ctx) {
        String client = clientIp.of(ctx);
        if (failures.isExhausted(client)) {
            throw HttpProblem.rateLimited(failures.period());
        }
        Optional<String> name = nameOf(ctx.header("Authorization"));
        if (name.isEmpty()) {
            failures.tryAcquire(client);
            ctx.header("WWW-Authenticate", "Bearer");
            throw HttpProblem.unauthorized();
        }
        ctx.attribute(KEY_NAME, name.get());
    }

    private Optional<String> nameOf(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String presented = header.substring(BEARER.length()).trim();
        return presented.isEmpty() ? Optional.empty() : keys.nameOf(presented);
    }
}
