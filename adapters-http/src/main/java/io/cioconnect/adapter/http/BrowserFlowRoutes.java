package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The browser's side of the connect flow: {@code start} turns a ticket into a redirect to the provider
 * and a binding cookie (or a 303 back to {@code return_to} when the provider cannot be asked now, such as an
 * MCP server whose authorization server cannot be discovered); {@code callback} hands what the provider sent
 * back to the use case and follows its outcome. What cannot go back to {@code return_to} is a small 400 page
 * with a fixed text. Providers that need their own start page (an API-key form) can register a more specific
 * route before these.
 */
final class BrowserFlowRoutes implements EndpointGroup {

    static final String START = "/oauth/{provider}/start";
    static final String CALLBACK = "/oauth/{provider}/callback";
    /** The one text of an unmatched callback's page: never anything the provider or the query supplied. */
    static final String UNMATCHED_CALLBACK = "This sign-in could not be matched to a connection started in this "
            + "browser, or it was already used. Go back to the application and start again.";

    private final BeginAuthorizationUseCase beginAuthorization;
    private final CompleteAuthorizationUseCase completeAuthorization;
    private final BindingCookie bindingCookie;
    private final FlowEndResponse flowEnds;
    private final FlowMetrics metrics;

    BrowserFlowRoutes(HttpUseCases useCases, BindingCookie bindingCookie, FlowEndResponse flowEnds, FlowMetrics metrics) {
        this.beginAuthorization = useCases.beginAuthorization();
        this.completeAuthorization = useCases.completeAuthorization();
        this.bindingCookie = bindingCookie;
        this.flowEnds = flowEnds;
        this.metrics = metrics;
    }

    @Override
    public void addEndpoints() {
        get(START, FlowErrorPage.guard(this::start, metrics, FlowErrorPage.UNUSABLE_LINK));
        get(CALLBACK, FlowErrorPage.guard(this::callback, metrics, UNMATCHED_CALLBACK));
    }

    private void start(Context ctx) {
        ProviderId provider = new ProviderId(ctx.pathParam("provider"));
        String ticket = QueryParameters.atMostOnce(ctx, "ticket");
        if (ticket == null || ticket.isBlank()) {
            throw HttpProblem.badRequest("ticket is missing");
        }
        beginAuthorization.begin(new BeginAuthorizationUseCase.Command(provider, new ConnectTicket(ticket))).match(
                started -> {
                    bindingCookie.set(ctx, started.browserBinding(), started.bindingLifetime());
                    metrics.flowStarted(provider.value());
                    ctx.status(302).header("Location", started.authorizeUrl().toString());
                },
                unavailable -> flowEnds.answer(ctx, unavailable.failed(), provider.value(), FlowErrorPage.UNUSABLE_LINK));
    }

    private void callback(Context ctx) {
        ProviderId provider = new ProviderId(ctx.pathParam("provider"));
        CallbackParameters params = CallbackParameters.of(ctx);
        flowEnds.answer(ctx, completeAuthorization.complete(new CompleteAuthorizationUseCase.Command(provider,
                params.state(), bindingCookie.read(ctx), params.code(), params.error(), params.issuer())),
                provider.value(), UNMATCHED_CALLBACK);
    }
}
