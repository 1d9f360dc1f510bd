package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.McpClientDriver.CALLBACK;
import static io.cioconnect.devsandbox.McpClientDriver.MCP;
import static io.cioconnect.devsandbox.SandboxDriver.assertOAuthError;
import static io.cioconnect.devsandbox.SandboxDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox as an MCP server and its authorization server: metadata, registration, resources, the MCP call. */
class SandboxMcpTest {

    private final SandboxDriver sandbox = new SandboxDriver();
    private final McpClientDriver mcp = new McpClientDriver(sandbox);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static JsonNode tree(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void anMcpCallWithoutATokenIsToldWhereTheResourceMetadataIs() {
        HttpResponse<String> refused = sandbox.server.post("/sandbox/mcp", "application/json", "{}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer resource_metadata=\""
                + "http://localhost:8080/.well-known/oauth-protected-resource/sandbox/mcp\", scope=\"full_access read\"");
    }

    @Test
    void publishesItsResourceAndServerMetadataAtTheWellKnownUrls() {
        Map<String, Object> resource = json(sandbox.server.get("/.well-known/oauth-protected-resource/sandbox/mcp"));
        Map<String, Object> server = json(sandbox.server.get("/.well-known/oauth-authorization-server/sandbox"));

        assertThat(resource).containsEntry("resource", MCP)
                .containsEntry("authorization_servers", List.of(SandboxDriver.ISSUER));
        assertThat(server).containsEntry("issuer", SandboxDriver.ISSUER)
                .containsEntry("registration_endpoint", SandboxDriver.ISSUER + "/register")
                .containsEntry("client_id_metadata_document_supported", true)
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("authorization_response_iss_parameter_supported", true);
    }

    @Test
    void aRegisteredPublicClientGetsTokensForTheMcpServerAndTheServerNamesIt() throws Exception {
        String clientId = mcp.registerPublicClient();
        String verifier = SandboxDriver.newVerifier();
        String code = mcp.obtainCode(clientId, verifier);

        HttpResponse<String> exchanged = mcp.exchange(clientId, code, verifier, MCP);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        HttpResponse<String> initialized = mcp.initialize((String) json(exchanged).get("access_token"));

        assertThat(initialized.statusCode()).isEqualTo(200);
        JsonNode client = tree(initialized).path("result").path("_meta").path(McpServer.CLIENT_META);
        assertThat(client.path("client_id").asText()).isEqualTo(clientId);
        assertThat(client.path("identity").asText()).isEqualTo("registered");
        assertThat(tree(initialized).path("result").path("protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void theConsentPageNamesTheClientItsIdentityAndWhereTheAnswerGoes() {
        String clientId = mcp.registerPublicClient();

        HttpResponse<String> page = sandbox.authorize(McpClientDriver.authorizationRequest(clientId,
                SandboxDriver.challengeOf(SandboxDriver.newVerifier()), MCP));

        assertThat(page.body()).contains("MCP test client wants access")
                .contains("Client identity: <strong>dynamic client registration</strong>")
                .contains("<code>localhost</code>").contains("<code>" + MCP + "</code>");
    }

    @Test
    void refusesAnotherResourceAtTheAuthorizationEndpoint() {
        String clientId = mcp.registerPublicClient();

        HttpResponse<String> refused = sandbox.authorize(McpClientDriver.authorizationRequest(clientId,
                SandboxDriver.challengeOf(SandboxDriver.newVerifier()), "https://elsewhere.example.com/mcp"));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(CALLBACK + "?error=invalid_target"));
    }

    @Test
    void aTokenRequestMustNameTheGrantsResourceEveryTime() {
        String clientId = mcp.registerPublicClient();
        String verifier = SandboxDriver.newVerifier();

        assertOAuthError(mcp.exchange(clientId, mcp.obtainCode(clientId, verifier), verifier, null), 400, "invalid_target");

        String second = SandboxDriver.newVerifier();
        Map<String, Object> tokens = json(mcp.exchange(clientId, mcp.obtainCode(clientId, second), second, MCP));
        String refreshToken = (String) tokens.get("refresh_token");
        assertOAuthError(mcp.refresh(clientId, refreshToken, null), 400, "invalid_target");
        assertOAuthError(mcp.refresh(clientId, refreshToken, "https://elsewhere.example.com/mcp"), 400, "invalid_target");
        HttpResponse<String> refreshed = mcp.refresh(clientId, refreshToken, MCP);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void aCodeServesOnlyTheClientItWasIssuedTo() {
        String owner = mcp.registerPublicClient();
        String other = mcp.registerPublicClient();
        String verifier = SandboxDriver.newVerifier();

        assertOAuthError(mcp.exchange(other, mcp.obtainCode(owner, verifier), verifier, MCP), 400, "invalid_grant");
    }

    @Test
    void theMcpServerRefusesATokenIssuedForNoResource() {
        String verifier = SandboxDriver.newVerifier();
        String code = sandbox.obtainCode(verifier);
        String accessToken = (String) json(sandbox.exchange(code, verifier)).get("access_token");

        HttpResponse<String> refused = mcp.initialize(accessToken);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
    }

    @Test
    void registrationRefusesBadRedirectUrisAndUnknownMethods() {
        assertOAuthError(sandbox.server.post("/sandbox/register", "application/json",
                "{\"redirect_uris\":[\"http://localhost:8080/cb#fragment\"]}"), 400, "invalid_redirect_uri");
        assertOAuthError(sandbox.server.post("/sandbox/register", "application/json",
                "{\"redirect_uris\":[]}"), 400, "invalid_redirect_uri");
        assertOAuthError(sandbox.server.post("/sandbox/register", "application/json", "{\"redirect_uris\":[\""
                + CALLBACK + "\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}"), 400, "invalid_client_metadata");
        assertOAuthError(sandbox.server.post("/sandbox/register", "text/plain", "redirect_uris"), 400,
                "invalid_client_metadata");
    }

    @Test
    void aConfidentialRegisteredClientAuthenticatesWithItsSecret() {
        HttpResponse<String> registered = sandbox.server.post("/sandbox/register", "application/json",
                "{\"client_name\":\"Confidential\",\"redirect_uris\":[\"" + CALLBACK + "\"]}");
        Map<String, Object> client = json(registered);
        assertThat(client).containsEntry("token_endpoint_auth_method", "client_secret_basic").containsKey("client_secret");
        String clientId = (String) client.get("client_id");
        String verifier = SandboxDriver.newVerifier();
        String code = mcp.obtainCode(clientId, verifier);

        HttpResponse<String> withoutSecret = mcp.exchange(clientId, code, verifier, MCP);

        assertOAuthError(withoutSecret, 401, "invalid_client");
    }
}
