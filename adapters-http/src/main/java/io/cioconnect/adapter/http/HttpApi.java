package io.cioconnect.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * Composition of the HTTP adapter: builds an unstarted Javalin app serving the host API, the browser
 * flow and the operational endpoints over the given in-ports. Callers start it on the port they choose.
 */
public final class HttpApi {

    private HttpApi() {
    }

    /**
     * @param extraRoutes routes of other parts of the service (a console page, a sandbox provider); registered
     *                    first, so a specific path such as {@code /oauth/another-provider/start} wins over the
     *                    generic {@code /oauth/{provider}/start}. They get the same filters.
     */
    public static Javalin create(HttpUseCases useCases, HttpSettings settings, PrometheusMeterRegistry registry,
            EndpointGroup... extraRoutes) {
        ObjectMapper mapper = Json.mapper();
        JsonBody jsonBody = new JsonBody(mapper);
        FlowMetrics flowMetrics = new FlowMetrics(registry);
        ClientIp clientIp = new ClientIp(settings.trustedProxies());
        BindingCookie bindingCookie = new BindingCookie(settings.isHttps());
        FlowEndResponse flowEnds = new FlowEndResponse(bindingCookie, flowMetrics);
        SecurityHeaders securityHeaders = new SecurityHeaders(settings.isHttps());

        return Javalin.create(config -> {
            RouteTemplate routeTemplate = new RouteTemplate(config.unsafe);
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = HttpSettings.MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            // Our answers are small JSON or HTML: compressing them costs more than it saves, and deciding
            // whether to was measurable on every access-token call.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.requestLogger.http(new RequestObserver(registry, routeTemplate));
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new RequestIds(), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            // Requests Jetty refuses before any route runs get the same kind of answer as the others.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrorHandler(mapper, securityHeaders)));

            config.routes.before(securityHeaders);
            config.routes.before(new BodySizeFilter());
            config.routes.before("/api/*", new ApiKeyFilter(new ApiKeys(settings.apiKeys()),
                    new KeyedRateLimiter(settings.authFailureLimit(), ApiKeyFilter.FAILURE_PERIOD), clientIp));
            config.routes.before("/api/*", RateLimitFilter.perApiKey(settings.apiRateLimit()));
            config.routes.before("/oauth/*", RateLimitFilter.perClientIp(settings.browserRateLimit(), clientIp));
            new ProblemResponses(mapper, routeTemplate).register(config.routes);

            for (EndpointGroup routes : extraRoutes) {
                config.routes.apiBuilder(routes);
            }
            config.routes.apiBuilder(new ConnectSessionRoutes(useCases.createConnectSession(), jsonBody));
            config.routes.apiBuilder(new ConnectionRoutes(useCases, jsonBody, flowMetrics));
            config.routes.apiBuilder(new ProviderRoutes(useCases.listProviders()));
            config.routes.apiBuilder(new WebhookEventRoutes(useCases));
            // Before the generic browser flow: its start page is the more specific route.
            config.routes.apiBuilder(new ApiKeyFormRoutes(useCases, bindingCookie, flowEnds, flowMetrics));
            config.routes.apiBuilder(new BrowserFlowRoutes(useCases, bindingCookie, flowEnds, flowMetrics));
            config.routes.apiBuilder(new OperationsRoutes(useCases.checkReadiness(), registry));
        });
    }
}
