package io.cioconnect.devsandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sandbox/mcp}: the sandbox's MCP server, a protected resource (RFC 6750, RFC 9728). Without a
 * live access token issued for it, a 401 whose challenge leads a client to its metadata; with one, JSON-RPC
 * {@code initialize}, {@code ping} and {@code tools/list}. Its {@code initialize} result names in {@code _meta}
 * the client the token was issued to and how that client identified itself, which the dev console shows.
 */
final class McpServer {

    static final String PROTOCOL_VERSION = "2025-11-25";
    /** Where the sandbox reports the token's client, namespaced as MCP asks of {@code _meta} keys. */
    static final String CLIENT_META = "io.cioconnect/client";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxState state;
    private final Resources resources;
    private final MetadataEndpoints metadata;

    McpServer(SandboxState state, Resources resources, MetadataEndpoints metadata) {
        this.state = state;
        this.resources = resources;
        this.metadata = metadata;
    }

    void handle(Context ctx) {
        String token = ProtectedResources.bearer(ctx);
        Optional<SandboxState.Grant> grant = token == null ? Optional.empty() : state.accessTokenGrant(token);
        if (grant.isEmpty() || !resources.isMcpServer(grant.get().resource())) {
            // A token for no resource, or another, is refused like none at all (MCP: audience validation).
            ctx.header("WWW-Authenticate", metadata.challenge() + (token == null ? "" : ", error=\"invalid_token\""));
            TokenJson.send(ctx, 401, Map.of("error", "invalid_token"));
            return;
        }
        JsonNode request = parse(ctx.bodyAsBytes());
        if (request == null || !request.path("method").isTextual()) {
            TokenJson.send(ctx, 400, error(null, -32700, "the body is not a JSON-RPC request"));
            return;
        }
        if (!request.has("id")) {
            ctx.status(202); // a notification: nothing to answer
            return;
        }
        Object id = JSON.convertValue(request.get("id"), Object.class);
        TokenJson.send(ctx, 200, answer(id, request.path("method").asText(), grant.get()));
    }

    private static Map<String, Object> answer(Object id, String method, SandboxState.Grant grant) {
        return switch (method) {
            case "initialize" -> result(id, initialized(grant));
            case "ping" -> result(id, Map.of());
            case "tools/list" -> result(id, Map.of("tools", List.of()));
            default -> error(id, -32601, "method not found");
        };
    }

    private static Map<String, Object> initialized(SandboxState.Grant grant) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("client_id", grant.client().clientId());
        client.put("client_name", grant.client().name());
        client.put("identity", grant.client().identity().wireName());
        client.put("identity_label", grant.client().identity().label());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocolVersion", PROTOCOL_VERSION);
        result.put("capabilities", Map.of("tools", Map.of()));
        result.put("serverInfo", Map.of("name", "cio-connect-sandbox", "version", "1"));
        result.put("instructions", "A stand-in MCP server of cio-connect's dev mode; it has no tools.");
        result.put("_meta", Map.of(CLIENT_META, client));
        return result;
    }

    private static Map<String, Object> result(Object id, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("result", result);
        return body;
    }

    private static Map<String, Object> error(Object id, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", Map.of("code", code, "message", message));
        return body;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
