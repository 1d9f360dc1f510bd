package io.cioconnect.bootstrap.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.CapturedLogs;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.mcp.McpTestServer.ServerMetadataAt;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the service finds an MCP server's authorization server (RFC 9728, RFC 8414, OpenID Connect discovery),
 * through the whole service and PostgreSQL, against a test server written from the RFCs.
 */
class McpDiscoveryIT extends McpServiceTest {

    @Test
    void findsTheResourceMetadataTheServers401Names() throws Exception {
        startService();

        McpFlows.connect(service, "ana");

        McpTestServer.Seen probe = server.to("/mcp").get(0);
        assertThat(probe.headers()).doesNotContainKey("Authorization");
        assertThat(server.to(McpTestServer.CHALLENGED_METADATA_PATH)).hasSize(1);
        assertThat(server.to("/.well-known/oauth-protected-resource/mcp")).isEmpty();
        assertThat(server.to("/.well-known/oauth-authorization-server/as")).as("RFC 8414, path inserted").hasSize(1);
    }

    @Test
    void findsItAtTheWellKnownUrlWhenThe401NamesNone() throws Exception {
        server.challengeNamesMetadata = false;
        startService();

        McpFlows.connect(service, "ben");

        assertThat(server.to("/.well-known/oauth-protected-resource/mcp")).hasSize(1);
        assertThat(server.to(McpTestServer.CHALLENGED_METADATA_PATH)).isEmpty();
    }

    @Test
    void fallsBackToOpenIdConnectDiscovery() throws Exception {
        server.serverMetadataAt = ServerMetadataAt.OPENID_PATH_APPENDED;
        startService();

        McpFlows.connect(service, "cleo");

        assertThat(server.seen).extracting(McpTestServer.Seen::path).containsSubsequence(
                "/.well-known/oauth-authorization-server/as", "/.well-known/openid-configuration/as",
                "/as/.well-known/openid-configuration", "/as/authorize");
    }

    @Test
    void refusesAnAuthorizationServerNamingAnotherIssuerAndStoresNothing() throws Exception {
        server.advertisedIssuer = "https://impostor.example.com/as";
        startService();
        HttpResponse<String> start;

        try (CapturedLogs logs = new CapturedLogs()) {
            start = McpFlows.open(service, new Browser(), "dan");
            assertThat(logs.messages()).anyMatch(line -> line.contains("names another issuer than " + server.issuer()));
        }

        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(Browser.location(start)).hasToString(RunningService.RETURN_TO + "?status=error&error=provider_error");
        assertThat(server.to("/as/authorize")).isEmpty();
        assertThat(count("SELECT count(*) FROM pending_authorizations")).isZero();
        assertThat(count("SELECT count(*) FROM oauth_client_registrations")).isZero();
    }

    @Test
    void keepsWhatItFoundForTheNextFlows() throws Exception {
        startService();

        McpFlows.connect(service, "eve");
        McpFlows.connect(service, "finn");

        assertThat(server.to(McpTestServer.CHALLENGED_METADATA_PATH)).hasSize(1);
        assertThat(server.to("/as/authorize")).hasSize(2);
    }

    /** A token endpoint that fails makes the service look again: its metadata may have changed. */
    @Test
    void discoversAgainAfterACallFailed() throws Exception {
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "gus"));
        server.authorization.failingTokenRequests.set(3);

        HostApi.Answer failed = McpFlows.accessToken(service, id, true);
        HostApi.Answer refreshed = McpFlows.accessToken(service, id, true);

        assertThat(failed.status()).as("a token that has not expired is still served").isEqualTo(200);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(failed.json().get("access_token").asText());
        assertThat(server.to(McpTestServer.CHALLENGED_METADATA_PATH)).hasSize(2);
    }

    /** Nothing is discovered at start: an unreachable MCP server leaves the service up and only its flows failing. */
    @Test
    void anUnreachableMcpServerFailsOnlyItsOwnFlows() throws Exception {
        startService("CUSTOMERIO_MCP_URL", "http://127.0.0.1:" + RunningService.freePort() + "/mcp");

        HttpResponse<String> start = McpFlows.open(service, new Browser(), "hal");

        assertThat(service.api.call("GET", "/health/ready", null).status()).isEqualTo(200);
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(Browser.location(start).getQuery()).isEqualTo("status=error&error=provider_error");
    }

    @Test
    void connectsToCustomerIosUsOrEuMcpServerByDefault() throws Exception {
        for (String region : List.of("us", "eu")) {
            startService("CUSTOMERIO_MCP_URL", "", "CUSTOMERIO_REGION", region);
            HostApi.Answer providers = service.api.call("GET", "/api/v1/providers", null);
            service.close();
            service = null;

            assertThat(providers.json().get("providers").get(0).get("resource").asText())
                    .isEqualTo(region.equals("us") ? "https://mcp.customer.io/mcp" : "https://mcp-eu.customer.io/mcp");
        }
    }
}
