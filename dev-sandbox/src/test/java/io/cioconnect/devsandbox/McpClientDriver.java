package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drives the sandbox as an MCP client does: a public client (a registered one, or one known by its metadata
 * document) asking for tokens for the sandbox's MCP server, then calling that server.
 */
final class McpClientDriver {

    static final String MCP = "http://localhost:8080/sandbox/mcp";
    static final String CALLBACK = "http://localhost:8080/oauth/customerio-mcp/callback";

    private final SandboxDriver sandbox;

    McpClientDriver(SandboxDriver sandbox) {
        this.sandbox = sandbox;
    }

    /** Registers a public client for {@link #CALLBACK}; answers its client id. */
    String registerPublicClient() {
        HttpResponse<String> registered = sandbox.server.post("/sandbox/register", "application/json",
                "{\"client_name\":\"MCP test client\",\"redirect_uris\":[\"" + CALLBACK + "\"],"
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                        + "\"token_endpoint_auth_method\":\"none\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return (String) SandboxDriver.json(registered).get("client_id");
    }

    static Map<String, String> authorizationRequest(String clientId, String challenge, String resource) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", CALLBACK);
        query.put("state", "mcp-state");
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        if (resource != null) {
            query.put("resource", resource);
        }
        return query;
    }

    /** Walks consent with Allow for {@code clientId}; answers the authorization code. */
    String obtainCode(String clientId, String verifier) {
        HttpResponse<String> page = sandbox.authorize(authorizationRequest(clientId, SandboxDriver.challengeOf(verifier), MCP));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> allowed = sandbox.decide(SandboxDriver.requestId(page.body()), "allow");
        assertThat(allowed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith(CALLBACK));
        return sandbox.server.uri("/").resolve(allowed.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*code=([^&]+).*", "$1");
    }

    HttpResponse<String> token(Map<String, String> form) {
        return sandbox.server.postForm("/sandbox/token", form);
    }

    HttpResponse<String> exchange(String clientId, String code, String verifier, String resource) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("redirect_uri", CALLBACK);
        form.put("code_verifier", verifier);
        if (resource != null) {
            form.put("resource", resource);
        }
        return token(form);
    }

    HttpResponse<String> refresh(String clientId, String refreshToken, String resource) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("refresh_token", refreshToken);
        if (resource != null) {
            form.put("resource", resource);
        }
        return token(form);
    }

    /** An MCP {@code initialize} call with the token, as an AI product makes it. */
    HttpResponse<String> initialize(String accessToken) {
        return sandbox.server.post("/sandbox/mcp", "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}", "Authorization", "Bearer " + accessToken);
    }
}
