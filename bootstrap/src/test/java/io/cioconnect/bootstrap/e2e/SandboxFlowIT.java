package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole service in dev mode, on real PostgreSQL, walked through with the built-in sandbox provider. */
class SandboxFlowIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void connectsFetchesRefreshesListsAndDisconnects() throws Exception {
        URI back = ConnectFlows.throughSandbox(new Browser(),
                service.api.createConnectUrl("alice", "sandbox", RunningService.RETURN_TO));

        assertThat(back.toString()).startsWith(RunningService.RETURN_TO + "?connection_id=").endsWith("&status=connected");
        String id = ConnectFlows.parameter(back, "connection_id");

        HostApi.Answer token = service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.raw().headers().firstValue("Cache-Control")).contains("no-store");

        HostApi.Answer refreshed = service.api.call("POST", "/api/v1/connections/" + id + "/access-token",
                "{\"force_refresh\": true}");
        assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(token.json().get("access_token").asText());

        HostApi.Answer listed = service.api.call("GET", "/api/v1/connections?owner=alice", null);
        assertThat(listed.json().get("connections")).hasSize(1);
        assertThat(listed.json().get("connections").get(0).get("last_refreshed_at").isNull()).isFalse();
        assertThat(listed.raw().body()).doesNotContain(refreshed.json().get("access_token").asText());

        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);
        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);
        assertThat(service.api.call("GET", "/api/v1/connections/" + id, null).status()).isEqualTo(404);
        assertThat(service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null).status()).isEqualTo(404);
    }

    @Test
    void reconnectingKeepsTheConnectionId() throws Exception {
        URI first = ConnectFlows.throughSandbox(new Browser(),
                service.api.createConnectUrl("bob", "sandbox", RunningService.RETURN_TO));
        URI second = ConnectFlows.throughSandbox(new Browser(),
                service.api.createConnectUrl("bob", "sandbox", RunningService.RETURN_TO));

        assertThat(ConnectFlows.parameter(second, "connection_id")).isEqualTo(ConnectFlows.parameter(first, "connection_id"));
    }

    @Test
    void refusesACallbackFromAnotherBrowser() throws Exception {
        Browser victim = new Browser();
        HttpResponse<String> start = victim.get(service.api.createConnectUrl("carol", "sandbox", RunningService.RETURN_TO));
        HttpResponse<String> consent = victim.get(Browser.location(start));
        String requestId = consent.body().replaceAll("(?s).*name=\"request_id\" value=\"([^\"]+)\".*", "$1");
        URI callback = Browser.location(victim.postForm(consent.uri(), Map.of("request_id", requestId, "decision", "allow")));

        HttpResponse<String> attacker = new Browser().get(callback);

        assertThat(attacker.statusCode()).isEqualTo(400);
        assertThat(attacker.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(service.api.call("GET", "/api/v1/connections?owner=carol", null).json().get("connections")).isEmpty();
    }

    @Test
    void reportsADenialToReturnTo() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(service.api.createConnectUrl("dave", "sandbox", RunningService.RETURN_TO));
        HttpResponse<String> consent = browser.get(Browser.location(start));
        String requestId = consent.body().replaceAll("(?s).*name=\"request_id\" value=\"([^\"]+)\".*", "$1");
        URI callback = Browser.location(browser.postForm(consent.uri(), Map.of("request_id", requestId, "decision", "deny")));

        URI back = ConnectFlows.callback(browser, callback);

        assertThat(back.toString()).isEqualTo(RunningService.RETURN_TO + "?status=error&error=access_denied");
    }

    @Test
    void connectsAnAppApiKeyCheckedByTheSandboxsFakeAppApi() throws Exception {
        Browser browser = new Browser();
        URI connectUrl = service.api.createConnectUrl("kim", "customerio-app-api", RunningService.RETURN_TO);
        HttpResponse<String> page = KeyForms.open(browser, connectUrl);

        HttpResponse<String> refused = KeyForms.submit(browser, page, "not-a-sandbox-key", "us");
        HttpResponse<String> accepted = KeyForms.submit(browser, refused, "sandbox-key-for-kim", "eu");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(accepted.statusCode()).isEqualTo(303);
        String id = ConnectFlows.parameter(Browser.location(accepted), "connection_id");
        HostApi.Answer token = service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
        assertThat(token.json().get("access_token").asText()).isEqualTo("sandbox-key-for-kim");
        assertThat(token.json().get("expires_at").isNull()).isTrue();
    }

    /** Dev mode names customerio in PROVIDERS, but without its credentials it is left out: never offered. */
    @Test
    void listsOnlyTheProvidersThatAreEnabled() throws Exception {
        HostApi.Answer providers = service.api.call("GET", "/api/v1/providers", null);

        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.json().get("providers")).extracting(p -> p.get("id").asText() + " " + p.get("kind").asText())
                .containsExactly("sandbox oauth2", "customerio-mcp mcp", "customerio-app-api app_api_key");
        HostApi.Answer refused = service.api.call("POST", "/api/v1/connect-sessions", "{\"owner\": \"olga\", "
                + "\"provider\": \"customerio\", \"return_to\": \"" + RunningService.RETURN_TO + "\"}");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void listsConnectionsAcrossOwnersAPageAtATime() throws Exception {
        for (String owner : List.of("page-1", "page-2", "page-3")) {
            ConnectFlows.throughSandbox(new Browser(), service.api.createConnectUrl(owner, "sandbox", RunningService.RETURN_TO));
        }
        List<String> owners = new ArrayList<>();
        String query = "?provider=sandbox&status=active&limit=2";
        HostApi.Answer page = service.api.call("GET", "/api/v1/connections" + query, null);
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            page.json().get("connections").forEach(connection -> owners.add(connection.get("owner").asText()));
            if (page.json().get("next_cursor").isNull()) {
                break;
            }
            page = service.api.call("GET", "/api/v1/connections" + query + "&cursor=" + page.json().get("next_cursor").asText(), null);
        }

        assertThat(owners).containsSubsequence("page-1", "page-2", "page-3").doesNotHaveDuplicates();
    }

    @Test
    void servesHealthMetricsAndOpenApi() throws Exception {
        Browser anyone = new Browser();
        assertThat(anyone.get(service.baseUrl.resolve("/health/live")).statusCode()).isEqualTo(200);
        assertThat(anyone.get(service.baseUrl.resolve("/health/ready")).statusCode()).isEqualTo(200);
        assertThat(anyone.get(service.baseUrl.resolve("/metrics")).body()).contains("http_server_requests");
        assertThat(anyone.get(service.baseUrl.resolve("/openapi.json")).body()).contains("\"openapi\"");
        assertThat(anyone.get(service.baseUrl.resolve("/")).body()).contains("cio-connect");
    }

    /**
     * A newcomer on a fresh machine connects an "MCP" account: dev's customerio-mcp finds the sandbox's MCP server,
     * which fetches the service's client ID metadata document, and the token opens the sandbox's MCP server.
     */
    @Test
    void connectsAnMcpAccountAtTheSandboxAndCallsItsMcpServer() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(service.api.createConnectUrl("mia", "customerio-mcp",
                RunningService.RETURN_TO));
        URI authorize = Browser.location(start);
        String documentUrl = service.baseUrl + "/oauth/customerio-mcp/client-metadata.json";
        assertThat(ConnectFlows.parameter(authorize, "client_id")).isEqualTo(documentUrl);
        assertThat(ConnectFlows.parameter(authorize, "resource")).isEqualTo(service.baseUrl + "/sandbox/mcp");
        assertThat(browser.get(authorize).body()).contains("Client identity: <strong>client ID metadata document</strong>");

        URI back = ConnectFlows.throughSandbox(browser, service.api.createConnectUrl("mia", "customerio-mcp",
                RunningService.RETURN_TO));
        String id = ConnectFlows.parameter(back, "connection_id");
        HostApi.Answer connection = service.api.call("GET", "/api/v1/connections/" + id, null);
        HostApi.Answer token = service.api.call("POST", "/api/v1/connections/" + id + "/access-token",
                "{\"force_refresh\": true}");

        assertThat(connection.json().get("resource").asText()).isEqualTo(service.baseUrl + "/sandbox/mcp");
        HttpResponse<String> initialized = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(connection.json().get("resource").asText())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.json().get("access_token").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode client = new ObjectMapper().readTree(initialized.body()).path("result").path("_meta")
                .path("io.cioconnect/client");
        assertThat(client.path("client_id").asText()).isEqualTo(documentUrl);
        assertThat(client.path("identity").asText()).isEqualTo("metadata_document");
    }
}
