package io.cioconnect.bootstrap.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The tokens of customerio-mcp: asked for the MCP server alone (RFC 8707 resource on every request), with the
 * scopes the server names, refreshed, revoked, and good at the MCP server, whose URL the connection names.
 */
class McpTokensIT extends McpServiceTest {

    @Test
    void namesTheMcpServerAsTheResourceExactlyOnTheAuthorizeTokenAndRefreshRequests() throws Exception {
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "ana"));

        assertThat(McpFlows.accessToken(service, id, true).status()).isEqualTo(200);

        assertThat(server.to("/as/authorize")).singleElement()
                .satisfies(request -> assertThat(request.query().get("resource")).containsExactly(server.resource()));
        assertThat(server.to("/as/token")).extracting(request -> request.formParameter("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(server.to("/as/token")).allSatisfy(
                request -> assertThat(request.form().get("resource")).containsExactly(server.resource()));
    }

    @Test
    void aRefreshedTokenIsGoodAtTheMcpServerTheConnectionNames() throws Exception {
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "ben"));

        HostApi.Answer refreshed = McpFlows.accessToken(service, id, true);
        HostApi.Answer connection = service.api.call("GET", "/api/v1/connections/" + id, null);
        String mcp = connection.json().get("resource").asText();

        assertThat(mcp).isEqualTo(server.resource());
        assertThat(initialize(mcp, refreshed.json().get("access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(initialize(mcp, "not-a-token").statusCode()).isEqualTo(401);
        HostApi.Answer listed = service.api.call("GET", "/api/v1/connections?owner=ben", null);
        assertThat(listed.json().get("connections").get(0).get("resource").asText()).isEqualTo(server.resource());
    }

    @Test
    void asksForTheScopesTheResourceMetadataNames() throws Exception {
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "cleo"));

        assertThat(server.to("/as/authorize").get(0).queryParameter("scope")).isEqualTo("mcp:read mcp:write");
        assertThat(McpFlows.accessToken(service, id, false).json().get("scopes"))
                .extracting(node -> node.asText()).containsExactly("mcp:read", "mcp:write");
    }

    @Test
    void asksForTheScopesThe401ChallengedWithBeforeTheMetadatas() throws Exception {
        server.challengeScope = "mcp:read";
        startService();

        McpFlows.connect(service, "dan");

        assertThat(server.to("/as/authorize").get(0).queryParameter("scope")).isEqualTo("mcp:read");
    }

    @Test
    void asksForTheConfiguredScopesWhenSet() throws Exception {
        startService("CUSTOMERIO_MCP_SCOPES", "mcp:write");

        McpFlows.connect(service, "eve");

        assertThat(server.to("/as/authorize").get(0).queryParameter("scope")).isEqualTo("mcp:write");
    }

    @Test
    void revokesAtTheServerWhenItOffersRevocation() throws Exception {
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "finn"));

        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !server.to("/as/revoke").isEmpty());
        assertThat(server.to("/as/revoke").get(0).formParameter("token_type_hint")).isEqualTo("refresh_token");
    }

    @Test
    void deletesWithoutRevokingWhenTheServerOffersNoRevocation() throws Exception {
        server.revocation = false;
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "gus"));

        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                count("SELECT count(*) FROM pending_revocations") == 0);
        assertThat(server.to("/as/revoke")).isEmpty();
        assertThat(service.api.call("GET", "/api/v1/connections/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void neverRepeatsARefreshThatGotNoAnswerAndTakesTheInvalidGrantAfterItAsPassingOnce() throws Exception {
        startService("CUSTOMERIO_MCP_REQUEST_TIMEOUT", "1s", "REFRESH_INTERVAL", "1h");
        String id = McpFlows.connectionId(McpFlows.connect(service, "hana"));
        String issued = McpFlows.accessToken(service, id, false).json().get("access_token").asText();
        CountDownLatch answer = new CountDownLatch(1);
        server.authorization.refreshAnswerGate = answer;
        try {
            HostApi.Answer unanswered = McpFlows.accessToken(service, id, true);

            assertThat(unanswered.status()).as("the token still works").isEqualTo(200);
            assertThat(refreshRequests()).as("the server may have rotated the token: not asked again").isEqualTo(1);
            assertThat(count("SELECT count(*) FROM connections WHERE refresh_outcome_unknown")).isEqualTo(1);
        } finally {
            answer.countDown();
        }
        server.authorization.refreshAnswerGate = null;

        HostApi.Answer refused = McpFlows.accessToken(service, id, true);

        assertThat(refreshRequests()).isEqualTo(2);
        assertThat(refused.status()).as("invalid_grant right after no answer is passing once").isEqualTo(200);
        assertThat(refused.json().get("access_token").asText()).isEqualTo(issued);
        HostApi.Answer shown = service.api.call("GET", "/api/v1/connections/" + id, null);
        assertThat(shown.json().get("status").asText()).isEqualTo("active");
        assertThat(McpFlows.accessToken(service, id, true).json().get("code").asText())
                .isEqualTo("reauthorization_required");
    }

    @Test
    void aRefreshThatCouldNotRediscoverTheServerWasNeverSentSoItsOutcomeIsKnown() throws Exception {
        startService("CUSTOMERIO_MCP_REQUEST_TIMEOUT", "1s", "REFRESH_INTERVAL", "1h");
        String id = McpFlows.connectionId(McpFlows.connect(service, "ivo"));
        server.authorization.failingTokenRequests.set(10);
        assertThat(McpFlows.accessToken(service, id, true).status()).isEqualTo(200); // 503s: discover again next time
        server.authorization.failingTokenRequests.set(0);
        long tokenRequests = server.to("/as/token").size();
        CountDownLatch hung = new CountDownLatch(1);
        server.hung = hung;
        try {
            HostApi.Answer undiscovered = McpFlows.accessToken(service, id, true);

            assertThat(undiscovered.status()).as("the token still works").isEqualTo(200);
        } finally {
            hung.countDown();
            server.hung = null;
        }
        assertThat(server.to("/as/token")).hasSize((int) tokenRequests);
        assertThat(count("SELECT count(*) FROM connections WHERE refresh_outcome_unknown"))
                .as("discovery got no answer, but the refresh token was never sent").isZero();
        assertThat(count("SELECT count(*) FROM connections WHERE refresh_failures = 2")).isEqualTo(1);
    }

    private long refreshRequests() {
        return server.to("/as/token").stream()
                .filter(request -> "refresh_token".equals(request.formParameter("grant_type"))).count();
    }

    /** What an AI product does with the token: an MCP initialize call to the server the connection names. */
    private static HttpResponse<String> initialize(String mcp, String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mcp)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"ai-product\",\"version\":\"1\"}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
