package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The token and revocation requests of an MCP server's authorization server: form bodies (RFC 6749), the
 * client authenticated as it registered, and {@code resource} (RFC 8707 §2.2) naming the MCP server on every
 * token request, so each token is for that server alone.
 */
final class McpTokenRequests {

    private final URI resource;
    private final Supplier<HttpRequest.Builder> builders;

    McpTokenRequests(URI resource, Supplier<HttpRequest.Builder> builders) {
        this.resource = resource;
        this.builders = builders;
    }

    /** RFC 6749 §4.1.3 with RFC 7636 §4.5. */
    HttpRequest exchange(URI tokenEndpoint, McpClient client, AuthorizationCode code, PkceVerifier verifier,
            URI redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.value());
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", verifier.value());
        form.put("resource", resource.toString());
        return post(tokenEndpoint, client, form);
    }

    /** RFC 6749 §6. */
    HttpRequest refresh(URI tokenEndpoint, McpClient client, RefreshToken refreshToken, Scopes scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.value());
        if (!scopes.isEmpty()) {
            form.put("scope", scopes.render());
        }
        form.put("resource", resource.toString());
        return post(tokenEndpoint, client, form);
    }

    /** RFC 7009 §2.1. */
    HttpRequest revoke(URI revocationEndpoint, McpClient client, RevocableToken token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.value());
        form.put("token_type_hint", token.hint().wireName());
        return post(revocationEndpoint, client, form);
    }

    private HttpRequest post(URI url, McpClient client, Map<String, String> form) {
        HttpRequest.Builder builder = builders.get().uri(url)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        client.authenticate(form, builder);
        return builder.POST(HttpRequest.BodyPublishers.ofString(FormEncoding.formBody(form), StandardCharsets.UTF_8))
                .build();
    }
}
