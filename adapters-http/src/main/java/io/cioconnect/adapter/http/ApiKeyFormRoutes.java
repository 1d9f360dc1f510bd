package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase.ApiKeyFormStarted;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.Problem;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.TryAgain;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The browser's side of an App API key connection (docs/providers.md): {@code start} turns a ticket into the key
 * form and a binding cookie; {@code submit} hands the form to the use case and follows its outcome: 303
 * to {@code return_to}, the form again, or a 400 page for a submission it cannot trust.
 */
final class ApiKeyFormRoutes implements EndpointGroup {

    static final ProviderId PROVIDER = new ProviderId("customerio-app-api");
    static final String BASE = "/oauth/" + PROVIDER.value() + "/";
    static final String SUBMIT_NAME = "submit";
    static final String STYLESHEET_NAME = "form.css";
    static final String START = BASE + "start";
    static final String SUBMIT = BASE + SUBMIT_NAME;
    static final String STYLESHEET = BASE + STYLESHEET_NAME;

    private static final String UNUSABLE_FORM = "This form could not be matched to a connection started in this "
            + "browser, has expired, or was already used. Go back to the application and start again.";

    private final BeginApiKeyConnectionUseCase begin;
    private final ConnectWithApiKeyUseCase connect;
    private final BindingCookie bindingCookie;
    private final FlowEndResponse flowEnds;
    private final FlowMetrics metrics;
    private final byte[] stylesheet = load(STYLESHEET_NAME);

    ApiKeyFormRoutes(HttpUseCases useCases, BindingCookie bindingCookie, FlowEndResponse flowEnds, FlowMetrics metrics) {
        this.begin = useCases.beginApiKeyConnection();
        this.connect = useCases.connectWithApiKey();
        this.bindingCookie = bindingCookie;
        this.flowEnds = flowEnds;
        this.metrics = metrics;
    }

    @Override
    public void addEndpoints() {
        get(START, FlowErrorPage.guard(this::start, metrics, FlowErrorPage.UNUSABLE_LINK));
        post(SUBMIT, FlowErrorPage.guard(this::submit, metrics, UNUSABLE_FORM));
        get(STYLESHEET, ctx -> ctx.contentType("text/css; charset=utf-8").result(stylesheet));
    }

    private void start(Context ctx) {
        String ticket = QueryParameters.atMostOnce(ctx, "ticket");
        if (ticket == null || ticket.isBlank()) {
            throw HttpProblem.badRequest("ticket is missing");
        }
        ApiKeyFormStarted started = begin.begin(new BeginApiKeyConnectionUseCase.Command(PROVIDER,
                new ConnectTicket(ticket)));
        bindingCookie.set(ctx, started.browserBinding(), started.bindingLifetime());
        metrics.flowStarted(PROVIDER.value());
        ApiKeyFormPage.render(ctx, 200, started.form(), null);
    }

    private void submit(Context ctx) {
        FormParameters.requireForm(ctx);
        String csrfToken = FormParameters.atMostOnce(ctx, "csrf_token");
        String apiKey = FormParameters.atMostOnce(ctx, "api_key");
        String region = FormParameters.atMostOnce(ctx, "region");
        boolean cancel = isCancel(FormParameters.atMostOnce(ctx, "action"));
        connect.submit(new ConnectWithApiKeyUseCase.Command(PROVIDER, csrfToken, bindingCookie.read(ctx), apiKey,
                region, cancel)).match(end -> flowEnds.answer(ctx, end, PROVIDER.value(), UNUSABLE_FORM),
                again -> formAgain(ctx, again));
    }

    private void formAgain(Context ctx, TryAgain again) {
        metrics.flowFailed(again.problem().name().toLowerCase(Locale.ROOT));
        if (again.problem() == Problem.PROVIDER_UNREACHABLE) {
            ctx.header("Retry-After", "5");
        }
        ApiKeyFormPage.render(ctx, statusOf(again.problem()), again.form(), again.problem());
    }

    /** The user's input was wrong: 422. Customer.io could not be asked: 503, and the form says try again. */
    static int statusOf(Problem problem) {
        return problem == Problem.PROVIDER_UNREACHABLE ? 503 : 422;
    }

    private static boolean isCancel(String action) {
        if (action == null || action.equals("connect")) {
            return false;
        }
        if (action.equals("cancel")) {
            return true;
        }
        throw HttpProblem.badRequest("form field 'action' must be connect or cancel");
    }

    private static byte[] load(String name) {
        try (InputStream in = ApiKeyFormRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
