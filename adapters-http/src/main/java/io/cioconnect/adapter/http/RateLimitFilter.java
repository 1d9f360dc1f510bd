package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Function;

/** Before a group of routes: answers 429 {@code rate_limited} with {@code Retry-After} once a key's budget is spent. */
final class RateLimitFilter implements Handler {

    private final KeyedRateLimiter limiter;
    private final Function<Context, String> keyOf;

    RateLimitFilter(KeyedRateLimiter limiter, Function<Context, String> keyOf) {
        this.limiter = limiter;
        this.keyOf = keyOf;
    }

    /** Per authenticated API key (this filter must run after {@link ApiKeyFilter}). */
    static RateLimitFilter perApiKey(int perSecond) {
        return new RateLimitFilter(new KeyedRateLimiter(perSecond), ctx -> ctx.attribute(ApiKeyFilter.KEY_NAME));
    }

    /** Per client IP, as {@link ClientIp} resolves it. */
    static RateLimitFilter perClientIp(int perSecond, ClientIp clientIp) {
        return new RateLimitFilter(new KeyedRateLimiter(perSecond), clientIp::of);
    }

    @Override
    public void handle(Context ctx) {
        if (!limiter.tryAcquire(keyOf.apply(ctx))) {
            throw HttpProblem.rateLimited(KeyedRateLimiter.PERIOD);
        }
    }
}
