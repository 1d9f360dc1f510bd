package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.FlowEnd;
import io.javalin.http.Context;
import java.net.URI;

/**
 * How the browser's routes answer the end of a flow, OAuth callback or App API key form alike: 303 to
 * {@code return_to} (connected or failed, the binding cookie forgotten), or a 400 page with a fixed text of
 * ours for a request that belongs to no flow; nothing the provider or the request sent is ever shown.
 */
final class FlowEndResponse {

    private final BindingCookie bindingCookie;
    private final FlowMetrics metrics;

    FlowEndResponse(BindingCookie bindingCookie, FlowMetrics metrics) {
        this.bindingCookie = bindingCookie;
        this.metrics = metrics;
    }

    /** Answers {@code end} of a flow of {@code provider}; {@code unmatched} is the page text for an unidentified one. */
    void answer(Context ctx, FlowEnd end, String provider, String unmatched) {
        end.match(connected -> {
            metrics.flowCompleted(provider);
            backToReturnTo(ctx, connected.redirectTo());
        }, failed -> {
            metrics.flowFailed(failed.error().code());
            backToReturnTo(ctx, failed.redirectTo());
        }, unidentified -> {
            metrics.flowFailed("unidentified");
            HtmlPage.render(ctx, 400, FlowErrorPage.TITLE, unmatched);
        });
    }

    private void backToReturnTo(Context ctx, URI redirectTo) {
        bindingCookie.clear(ctx);
        ctx.status(303).header("Location", redirectTo.toString());
    }
}
