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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newcomer on a fresh machine connects an "MCP" account: dev's customerio-mcp finds the sandbox's MCP server,
 * which fetches the service's client ID metadata document, and the token opens the sandbox's MCP server.
 */
class SandboxMcpFlowIT {

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
