package io.cioconnect.devsandbox;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's metadata at its well-known URLs: its MCP server's protected resource metadata (RFC 9728 §3,
 * the MCP endpoint's path after the well-known segment) and its authorization server metadata (RFC 8414 §3,
 * the issuer's path after the well-known segment), which offers both client ID metadata documents and
 * dynamic registration.
 */
final class MetadataEndpoints {

    static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource" + SandboxAuthorizationServer.PATH + "/mcp";
    static final String SERVER_METADATA = "/.well-known/oauth-authorization-server" + SandboxAuthorizationServer.PATH;

    private final SandboxSettings settings;

    MetadataEndpoints(SandboxSettings settings) {
        this.settings = settings;
    }

    void resource(Context ctx) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", settings.mcpResource().toString());
        metadata.put("authorization_servers", List.of(settings.issuer().toString()));
        metadata.put("scopes_supported", List.copyOf(settings.scopes().values()));
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "cio-connect sandbox MCP server");
        TokenJson.send(ctx, 200, metadata);
    }

    void server(Context ctx) {
        String issuer = settings.issuer().toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", settings.authorizeUrl().toString());
        metadata.put("token_endpoint", settings.tokenUrl().toString());
        metadata.put("revocation_endpoint", settings.revocationUrl().toString());
        metadata.put("registration_endpoint", issuer + "/register");
        metadata.put("client_id_metadata_document_supported", true);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("scopes_supported", List.copyOf(settings.scopes().values()));
        TokenJson.send(ctx, 200, metadata);
    }

    /** What a client without a token is told (RFC 9728 §5.1): where the resource's metadata is, and the scope needed. */
    String challenge() {
        return "Bearer resource_metadata=\"" + settings.publicBaseUrl() + RESOURCE_METADATA + "\", scope=\""
                + settings.scopes().render() + "\"";
    }
}
