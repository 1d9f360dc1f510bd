package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Before every request, matched or not: the headers docs/security.md puts on every response. Nothing we serve
 * needs a script, a style, a frame or a referrer. {@code Cache-Control: no-store} everywhere but the two
 * documents that hold nothing personal (metrics and the OpenAPI description). When browsers reach us over
 * https, {@code Strict-Transport-Security} keeps them there for two years, so no later link or typed URL
 * can send a cookie, a ticket or a form over plain http.
 */
final class SecurityHeaders implements Handler {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000";

    private static final Set<String> CACHEABLE_PATHS = Set.of("/metrics", "/openapi.json");

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(Context ctx) {
        applyTo(ctx::header);
        if (!CACHEABLE_PATHS.contains(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Sets the headers every response carries (also those Jetty answers before any route runs). */
    void applyTo(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        if (https) {
            header.accept("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }
}
