package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.cioconnect.application.port.in.CheckReadinessUseCase;
import io.cioconnect.application.port.in.Readiness;
import io.javalin.http.Context;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** For operators and tooling: liveness, readiness, Prometheus metrics and the OpenAPI description. */
final class OperationsRoutes implements EndpointGroup {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.json";

    private static final Map<String, String> LIVE_BODY = Map.of("status", ReadinessResponse.UP);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final CheckReadinessUseCase checkReadiness;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    OperationsRoutes(CheckReadinessUseCase checkReadiness, PrometheusMeterRegistry registry) {
        this.checkReadiness = checkReadiness;
        this.registry = registry;
        this.openApi = loadOpenApi();
    }

    @Override
    public void addEndpoints() {
        get(LIVE, this::live);
        get(READY, this::ready);
        get(METRICS, this::metrics);
        get(OPENAPI, this::openApi);
    }

    private void live(Context ctx) {
        ctx.json(LIVE_BODY);
    }

    /** 200 or 503 with the same body, so a probe reads the status code and a person reads which check is DOWN. */
    private void ready(Context ctx) {
        Readiness readiness = checkReadiness.check();
        ctx.status(readiness.up() ? 200 : 503).json(ReadinessResponse.from(readiness));
    }

    private void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    private void openApi(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300").contentType("application/json").result(openApi);
    }

    static byte[] loadOpenApi() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the adapter's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
