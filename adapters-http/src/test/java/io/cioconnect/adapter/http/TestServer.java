package io.cioconnect.adapter.http;

import io.cioconnect.application.TestCore;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The real adapter on a random loopback port, over the real use cases of {@link TestCore}. */
final class TestServer implements AutoCloseable {

    static final String API_KEY = "k3y-for-the-backend-0123456789";
    static final String API_KEY_NAME = "backend";
    static final String OTHER_API_KEY = "k3y-for-reports-9876543210";
    static final String OTHER_API_KEY_NAME = "reports";
    static final Map<String, String> API_KEYS = Map.of(API_KEY_NAME, API_KEY, OTHER_API_KEY_NAME, OTHER_API_KEY);

    final TestCore core;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(TestCore core, HttpSettings settings, UnaryOperator<HttpUseCases> override) {
        this.core = core;
        this.app = HttpApi.create(override.apply(useCasesOf(core)), settings, registry).start("127.0.0.1", 0);
    }

    /** Default settings, limits off so tests never trip them by accident. */
    static TestServer start() {
        TestCore core = TestCore.create();
        return new TestServer(core, settings(core, 0, 0, Set.of()), useCases -> useCases);
    }

    static TestServer start(TestCore core, HttpSettings settings) {
        return new TestServer(core, settings, useCases -> useCases);
    }

    /** The real use cases with some replaced, to produce failures the real ones cannot. */
    static TestServer start(UnaryOperator<HttpUseCases> override) {
        TestCore core = TestCore.create();
        return new TestServer(core, settings(core, 0, 0, Set.of()), override);
    }

    /** Settings with these limits and no limit on failed authentications. */
    static HttpSettings settings(TestCore core, int apiRateLimit, int browserRateLimit, Set<InetAddress> proxies) {
        return settings(core, apiRateLimit, browserRateLimit, 0, proxies);
    }

    static HttpSettings settings(TestCore core, int apiRateLimit, int browserRateLimit, int authFailureLimit,
            Set<InetAddress> proxies) {
        return new HttpSettings(core.settings.publicBaseUrl(), API_KEYS, apiRateLimit, browserRateLimit,
                authFailureLimit, proxies);
    }

    static HttpUseCases useCasesOf(TestCore core) {
        return new HttpUseCases(core.createConnectSession, core.beginAuthorization, core.completeAuthorization,
                core.getAccessToken, core.getConnection, core.listConnections, core.listProviders, core.disconnect, core.checkReadiness,
                core.beginApiKeyConnection, core.connectWithApiKey, core.listWebhookEvents,
                core.retryWebhookEvent);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    /** A request builder for {@code pathAndQuery} carrying the backend's API key. */
    HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + API_KEY);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates a connect session for {@code owner} over the API and returns its connect_url, pointed at this server. */
    URI connectUrl(String owner) {
        return connectUrl(owner, "customerio");
    }

    /** As {@link #connectUrl(String)}, for {@code provider}. */
    URI connectUrl(String owner, String provider) {
        return connectUrl(owner, provider, null);
    }

    /** As {@link #connectUrl(String)}, for {@code provider}, with a {@code client_state} (a JSON-safe one) unless null. */
    URI connectUrl(String owner, String provider, String clientState) {
        HttpResponse<String> created = postJson(ConnectSessionRoutes.CONNECT_SESSIONS, "{\"owner\":\"" + owner
                + "\",\"provider\":\"" + provider + "\",\"return_to\":\"" + TestCore.RETURN_TO + "\""
                + (clientState == null ? "" : ",\"client_state\":\"" + clientState + "\"") + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a connect session answered " + created.statusCode());
        }
        URI connectUrl = URI.create(JsonFields.string(created.body(), "connect_url"));
        return uri(connectUrl.getRawPath() + "?" + connectUrl.getRawQuery());
    }

    /** Sends a request line exactly as given (clients refuse malformed escapes) and returns the status code. */
    int rawGetStatus(String requestTarget) {
        return Integer.parseInt(rawGetStatusAndHeaders(requestTarget).split(" ")[1]);
    }

    /** Sends a request line exactly as given and returns the status line and headers of the answer. */
    String rawGetStatusAndHeaders(String requestTarget) {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.split("\r\n\r\n", 2)[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser with its own cookie jar. */
    Browser browser() {
        return new Browser(this);
    }

    @Override
    public void close() {
        app.stop();
    }
}
