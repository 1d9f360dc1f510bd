package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every request: one log line and one timer sample, both keyed by the route template, never the
 * raw path or query (the callback's query holds the code and the state), and naming the API key by its
 * name only.
 */
final class RequestObserver implements RequestLogger {

    private static final Logger log = LoggerFactory.getLogger("io.cioconnect.http.request");

    private final MeterRegistry registry;
    private final RouteTemplate routes;

    RequestObserver(MeterRegistry registry, RouteTemplate routes) {
        this.registry = registry;
        this.routes = routes;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String route = routes.of(ctx);
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String keyName = ctx.attribute(ApiKeyFilter.KEY_NAME);
        log.info("{} {} {} {}ms key={}", method, route, status, Math.round(executionTimeMs), keyName == null ? "-" : keyName);
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000)));
    }
}
