package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private final TestServer server = TestServer.start(useCases -> new HttpUseCases(useCases.createConnectSession(),
            useCases.beginAuthorization(), useCases.completeAuthorization(), useCases.getAccessToken(),
            id -> {
                throw new IllegalStateException("secret-internal-detail at line 42");
            },
            useCases.listConnections(), useCases.listProviders(), useCases.disconnect(), useCases.checkReadiness(),
            useCases.beginApiKeyConnection(), useCases.connectWithApiKey(),
            useCases.listWebhookEvents(), useCases.retryWebhookEvent()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyKindOfResponseCarriesTheHardeningHeaders() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        Browser browser = server.browser();
        URI connectUrl = server.connectUrl("user-1");
        responses.add(server.get("/health/live"));                                            // 200
        responses.add(server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS,                   // 201
                "{\"owner\":\"u\",\"provider\":\"customerio\",\"return_to\":\"" + TestCore.RETURN_TO + "\"}"));
        URI authorize = URI.create(browser.get(connectUrl).headers().firstValue("Location").orElseThrow());
        responses.add(browser.get("/oauth/customerio/callback?code=c&state="                  // 303
                + TestCore.queryParameter(authorize, "state")));
        responses.add(browser.get("/oauth/customerio/start?ticket=unknown"));                 // 400 page
        responses.add(server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS, "{"));            // 400 problem
        responses.add(server.get("/api/v1/connections?owner=u"));                              // 401
        responses.add(server.get("/no/such/page"));                                            // Javalin's own 404
        responses.add(server.send(server.api("/api/v1/connections/" + UUID.randomUUID())));    // 500

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 201, 303, 400, 400, 401, 404, 500);
        for (HttpResponse<String> response : responses) {
            assertHardened(response);
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().getPath()).hasValue("no-store");
        }
    }

    @Test
    void aStartRedirectCarriesTheHardeningHeaders() {
        HttpResponse<String> response = server.browser().get(server.connectUrl("user-1"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertHardened(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void anUnexpectedFailureSaysOnlyInternalError() {
        HttpResponse<String> response = server.send(server.api("/api/v1/connections/" + UUID.randomUUID()));

        ConnectionApiTest.assertProblem(response, 500, "internal_error");
        assertThat(JsonFields.parse(response.body()).has("detail")).isFalse();
        assertThat(response.body()).doesNotContain("secret-internal-detail").doesNotContain("Exception")
                .doesNotContain("at io.");
    }

    @Test
    void metricsAndTheOpenApiDocumentMayBeCachedButAreStillHardened() {
        for (String path : List.of("/metrics", "/openapi.json")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertHardened(response);
            assertThat(response.headers().firstValue("Cache-Control")).isNotEqualTo(Optional.of("no-store"));
        }
    }

    @Test
    void theContentSecurityPolicyAllowsNoScriptNoStyleAndNoFraming() {
        String csp = server.get("/health/live").headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(csp).startsWith("default-src 'none'").contains("frame-ancestors 'none'")
                .doesNotContain("script-src").doesNotContain("unsafe-inline");
    }

    @Test
    void overHttpsEveryKindOfResponseAlsoCarriesStrictTransportSecurity() {
        TestCore core = TestCore.create(URI.create("https://connect.example.com"));
        try (TestServer https = TestServer.start(core, TestServer.settings(core, 0, 0, Set.of()))) {
            List<HttpResponse<String>> responses = List.of(https.get("/health/live"),
                    https.browser().get(https.connectUrl("user-1")), https.get("/oauth/customerio/start?ticket=unknown"),
                    https.get("/api/v1/connections?owner=u"), https.get("/no/such/page"), https.get("/metrics"));

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 302, 400, 401, 404, 200);
            assertThat(responses).allSatisfy(response -> assertThat(response.headers()
                    .firstValue("Strict-Transport-Security")).as(response.uri().getPath()).hasValue("max-age=63072000"));
            assertThat(https.rawGetStatusAndHeaders("/%2e%2e/health/live"))
                    .containsIgnoringCase("Strict-Transport-Security: max-age=63072000");
        }
    }

    @Test
    void overPlainHttpNoResponseClaimsStrictTransportSecurity() {
        assertThat(server.get("/health/live").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(server.get("/api/v1/connections?owner=u").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    static void assertHardened(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).as(response.uri().getPath()).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.map().keySet()).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }
}
