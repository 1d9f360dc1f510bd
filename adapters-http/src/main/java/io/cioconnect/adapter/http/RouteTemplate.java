package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route a request matched, as registered ({@code /oauth/{provider}/callback}), for logs and metric
 * labels. Never the raw path: paths and queries carry tickets, codes and states, and unmatched paths are
 * unbounded in number.
 */
final class RouteTemplate {

    static final String UNMATCHED = "unmatched";

    private RouteTemplate() {
    }

    static String of(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
