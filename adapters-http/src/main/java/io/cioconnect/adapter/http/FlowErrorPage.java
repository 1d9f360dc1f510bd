package io.cioconnect.adapter.http;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.javalin.http.Handler;

/**
 * Bad input and flows we cannot identify become a 400 page rather than problem+json on the browser's
 * routes: a person is looking at it. The page says only the route's fixed text, never what was wrong with
 * the request (which would repeat pieces of it). Temporary failures (503) still go to the one problem mapping.
 */
final class FlowErrorPage {

    static final String TITLE = "Connection failed";
    /** What a browser is told when its connect link cannot start a flow. */
    static final String UNUSABLE_LINK = "This connect link is invalid, has already been used, or has expired. "
            + "Go back to the application and start again.";

    private FlowErrorPage() {
    }

    /** {@code handler}, answering a 400 page saying {@code message} when it rejects its input. */
    static Handler guard(Handler handler, FlowMetrics metrics, String message) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (HttpProblem e) {
                if (e.status() != 400) {
                    throw e;
                }
                metrics.flowFailed("bad_request");
                HtmlPage.render(ctx, 400, TITLE, message);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.NOT_FOUND && e.code() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                metrics.flowFailed("bad_request");
                HtmlPage.render(ctx, 400, TITLE, message);
            }
        };
    }
}
