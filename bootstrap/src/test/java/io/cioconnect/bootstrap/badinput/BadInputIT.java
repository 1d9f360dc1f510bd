package io.cioconnect.bootstrap.badinput;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.ConnectFlows;
import io.cioconnect.bootstrap.e2e.FakeAppApi;
import io.cioconnect.bootstrap.e2e.KeyForms;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random and adversarial input on every parameter, header and body of every endpoint of the whole service
 * ({@code serve}, real PostgreSQL, a scripted OAuth provider, fake App API hosts), checked against
 * {@link ResponseInvariants}. Seeded connections hold tokens and an App API key the test knows, so a leak of
 * any of them into any other response is caught.
 */
@Tag("bad-input")
class BadInputIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String PROVIDER = "acme";

    private static ScriptedProvider provider;
    private static FakeAppApi appApiUs;
    private static FakeAppApi appApiEu;
    private static RunningService service;
    private static Secrets secrets;
    private static BadRequests requests;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        provider = ScriptedProvider.start(PROVIDER);
        appApiUs = new FakeAppApi();
        appApiEu = new FakeAppApi();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);
        Map<String, String> env = new HashMap<>(provider.environment());
        env.put("PROVIDERS", PROVIDER + "," + LiveKeyForms.PROVIDER);
        env.put("CUSTOMERIO_APP_API_US_URL", appApiUs.url());
        env.put("CUSTOMERIO_APP_API_EU_URL", appApiEu.url());
        env.put("ENCRYPTION_KEYS", "fuzz:" + encryptionKey);
        // Limits high enough never to trip, so every request reaches its handler, yet on, so their code runs.
        env.put("API_RATE_LIMIT", "1000000");
        env.put("BROWSER_RATE_LIMIT", "1000000");
        env.put("AUTH_FAILURE_LIMIT", "1000000");
        env.put("TRUSTED_PROXIES", "127.0.0.1,::1");
        service = RunningService.start(Mode.SERVE, POSTGRES.database(), env);
        port = service.baseUrl.getPort();
        secrets = new Secrets(provider, List.of(service.apiKey, ScriptedProvider.CLIENT_SECRET, encryptionKey));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = ScriptedFlows.connect(service.api, PROVIDER, "owner-" + i);
            secrets.connection(id, provider.lastAccessToken());
            ids.add(id);
        }
        String appApiKey = "ok-" + UUID.randomUUID();
        Browser browser = new Browser();
        String keyConnection = ConnectFlows.parameter(Browser.location(KeyForms.submit(browser, KeyForms.open(browser,
                service.api.createConnectUrl("owner-key", LiveKeyForms.PROVIDER, RunningService.RETURN_TO)), appApiKey, "eu")),
                "connection_id");
        secrets.apiKeyConnection(keyConnection, appApiKey);
        ids.add(keyConnection);
        String cursor = service.api.call("GET", "/api/v1/connections?limit=1", null).json().get("next_cursor").asText();
        requests = new BadRequests(service.apiKey, ids, List.of(PROVIDER, LiveKeyForms.PROVIDER), cursor);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        for (AutoCloseable fake : new AutoCloseable[] {provider, appApiUs, appApiEu}) {
            closeQuietly(fake);
        }
    }

    @Test
    void hostApiPathsQueriesAndMethods() {
        check("host API paths, queries and methods", 400, requests::hostApi);
    }

    @Test
    void hostApiHeaders() {
        check("host API Authorization, Content-Type, X-Forwarded-For and Cookie headers", 400, requests::hostApiHeaders);
    }

    @Test
    void hostApiJsonBodies() {
        check("host API JSON bodies", 500, requests::jsonBody);
    }

    @Test
    void browserFlowParameters() {
        check("start, callback and key form parameters, cookies and forwarding headers", 500, requests::browserFlow);
    }

    @Test
    void callbacksOfFlowsThatReallyStarted() {
        check("callbacks of flows that really started", 200, new LiveCallbacks(service.api, port, PROVIDER)::next);
    }

    @Test
    void keyFormsThatReallyStarted() {
        check("App API key forms that really started", 200, new LiveKeyForms(service.api, port)::next);
    }

    @Test
    void operationalEndpointsAndUnknownPaths() {
        check("health, metrics, OpenAPI and unknown paths", 300, requests::operations);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            if (resource != null) {
                resource.close();
            }
        } catch (Exception e) {
            // a fake that will not close cannot fail the suite it served
        }
    }

    private static void check(String property, int tries, Function<Random, RawHttp.Request> generator) {
        Tries.check(property, tries, port, generator, secrets::forbiddenIn);
    }
}
