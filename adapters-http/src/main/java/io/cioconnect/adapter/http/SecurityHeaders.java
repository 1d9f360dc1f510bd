package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Before every request, matched or not: the headers SPEC §4 puts on every response. Nothing we serve
 * needs a script, a style, a frame or a referrer. {@code Cache-Control: no-store} everywhere but the two
 * documents that hold nothing personal (metrics and the OpenAPI description).
 */
final class SecurityHeaders implements Handler {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final Set<String> CACHEABLE_PATHS = Set.of("/metrics", "/openapi.json");

    @Override
    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (!CACHEABLE_PATHS.contains(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
