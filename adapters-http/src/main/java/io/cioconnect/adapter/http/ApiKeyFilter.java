package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/** Before every {@code /api/**} request: {@code Authorization: Bearer <key>} must name a configured key. */
final class ApiKeyFilter implements Handler {

    /** Request attribute holding the authenticated key's name, for the request log. */
    static final String KEY_NAME = "cioconnect.apiKeyName";

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Authorization");
        Optional<String> name = Optional.empty();
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String presented = header.substring(BEARER.length()).trim();
            if (!presented.isEmpty()) {
                name = keys.nameOf(presented);
            }
        }
        if (name.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw HttpProblem.unauthorized();
        }
        ctx.attribute(KEY_NAME, name.get());
    }
}
