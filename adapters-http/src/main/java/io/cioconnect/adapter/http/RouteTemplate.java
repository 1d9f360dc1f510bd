package io.cioconnect.adapter.http;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.util.List;

/**
 * The route a request matched, as registered ({@code /oauth/{provider}/callback}), for logs and metric
 * labels. Never the raw path: paths and queries carry tickets, codes and states, and unmatched paths are
 * unbounded in number.
 */
final class RouteTemplate {

    static final String UNMATCHED = "unmatched";

    private final JavalinState state;

    RouteTemplate(JavalinState state) {
        this.state = state;
    }

    String of(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        // A before-filter (API key, rate limit) answered before the router matched: ask the router.
        List<ParsedEndpoint> candidates = state.internalRouter.findHttpHandlerEntries(ctx.method(), ctx.path());
        return candidates.isEmpty() ? UNMATCHED : candidates.get(0).endpoint.path;
    }
}
