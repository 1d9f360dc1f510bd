package io.cioconnect.devsandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.domain.Secrets;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * {@code POST /sandbox/register}: OAuth 2.0 Dynamic Client Registration (RFC 7591 §3). Takes a JSON body of
 * client metadata, checks the redirect URIs and what the client asks to use, and answers {@code 201} with a new
 * client id (and a secret unless the client is public, {@code token_endpoint_auth_method} {@code none}).
 */
final class RegistrationEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");
    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    private static final int MAX_REDIRECT_URIS = 10;

    private final SandboxClients clients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RegistrationEndpoint(SandboxClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    void register(Context ctx) {
        try {
            JsonNode metadata = body(ctx);
            Set<String> redirectUris = redirectUris(metadata.path("redirect_uris"));
            // RFC 7591 §2: a client that names no method is client_secret_basic.
            String method = metadata.path("token_endpoint_auth_method").asText("client_secret_basic");
            if (!AUTH_METHODS.contains(method)) {
                throw OAuthProblem.invalidClientMetadata("token_endpoint_auth_method must be none, client_secret_basic"
                        + " or client_secret_post");
            }
            List<String> grants = strings(metadata.path("grant_types"), List.of("authorization_code"));
            if (!GRANT_TYPES.containsAll(grants) || !strings(metadata.path("response_types"), List.of("code")).equals(List.of("code"))) {
                throw OAuthProblem.invalidClientMetadata("only the authorization_code and refresh_token grants, and"
                        + " response type code, are offered");
            }
            String name = metadata.path("client_name").asText("unnamed client");
            String clientId = "sandbox-registered-" + randomValue();
            String secret = method.equals("none") ? null : randomValue();
            clients.register(new SandboxClient(clientId, redirectUris, secret == null ? null : Secrets.sha256(secret),
                    name, SandboxClient.Identity.REGISTERED));
            TokenJson.send(ctx, 201, answer(clientId, secret, name, redirectUris, grants, method));
        } catch (OAuthProblem problem) {
            TokenJson.error(ctx, problem);
        }
    }

    private static JsonNode body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw OAuthProblem.invalidClientMetadata("the body must be application/json");
        }
        try {
            JsonNode metadata = JSON.readTree(ctx.bodyAsBytes());
            if (metadata != null && metadata.isObject()) {
                return metadata;
            }
        } catch (IOException e) {
            // answered below
        }
        throw OAuthProblem.invalidClientMetadata("the body must be a JSON object of client metadata");
    }

    /** RFC 7591 §2: absolute URIs, http(s), no fragment; the sandbox compares them exactly later on. */
    private static Set<String> redirectUris(JsonNode values) {
        if (!values.isArray() || values.isEmpty() || values.size() > MAX_REDIRECT_URIS) {
            throw OAuthProblem.invalidRedirectUri("redirect_uris must list 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        Set<String> uris = new HashSet<>();
        for (JsonNode value : values) {
            try {
                URI uri = new URI(value.asText(""));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
                        || !(scheme.equals("http") || scheme.equals("https"))) {
                    throw OAuthProblem.invalidRedirectUri("each redirect URI must be an absolute http(s) URI without a fragment");
                }
                uris.add(uri.toString());
            } catch (URISyntaxException e) {
                throw OAuthProblem.invalidRedirectUri("a redirect URI is not a URI");
            }
        }
        return uris;
    }

    private static List<String> strings(JsonNode values, List<String> absent) {
        if (values.isMissingNode() || values.isNull()) {
            return absent;
        }
        if (!values.isArray()) {
            throw OAuthProblem.invalidClientMetadata("grant_types and response_types must be arrays");
        }
        return StreamSupport.stream(values.spliterator(), false).map(value -> value.asText("")).toList();
    }

    private Map<String, Object> answer(String clientId, String secret, String name, Set<String> redirectUris,
            List<String> grants, String method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("client_id_issued_at", clock.instant().getEpochSecond());
        if (secret != null) {
            body.put("client_secret", secret);
            body.put("client_secret_expires_at", 0);
        }
        body.put("client_name", name);
        body.put("redirect_uris", List.copyOf(redirectUris));
        body.put("grant_types", grants);
        body.put("response_types", List.of("code"));
        body.put("token_endpoint_auth_method", method);
        return body;
    }

    private String randomValue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
