package io.cioconnect.bootstrap.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.cioconnect.bootstrap.mcp.McpTestServer.Seen;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test authorization server's endpoints and the MCP server's token check, with their state: clients
 * registered (RFC 7591) or known by their metadata documents (fetched and checked: client_id is the URL, the
 * redirect URI is listed), single-use codes bound to client, redirect URI, PKCE challenge and resource,
 * rotating refresh tokens, and access tokens whose audience is the resource they were issued for.
 */
final class TestAuthorization {

    /** A client: its secret ({@code null}: public), its redirect URIs, and how it came to be known. */
    record Client(String id, String secret, Set<String> redirectUris, String kind) {
    }

    /** What a code, refresh token or access token stands for. */
    record Grant(Client client, String redirectUri, String challenge, String scope, String resource) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final McpTestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Client> registered = new ConcurrentHashMap<>();
    private final Map<String, Client> documents = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    /** What each fetch of a metadata document found, for tests to read. */
    final List<String> documentChecks = new CopyOnWriteArrayList<>();
    final List<JsonNode> registrationRequests = new CopyOnWriteArrayList<>();
    /** When set, each registration waits (up to 10 s) for it to open: racing instances then really race. */
    volatile CountDownLatch registrationGate;
    /** How many token requests to come are answered 503, as by a token endpoint that failed or moved. */
    final AtomicInteger failingTokenRequests = new AtomicInteger();
    /** When set, a refresh rotates its token, then holds the answer until it opens (up to 10 s): an answer lost. */
    volatile CountDownLatch refreshAnswerGate;

    TestAuthorization(McpTestServer server) {
        this.server = server;
    }

    /** A client registered beforehand (by hand, at the provider): {@code secret} {@code null} for a public one. */
    void preregister(String clientId, String secret, String redirectUri) {
        registered.put(clientId, new Client(clientId, secret, Set.of(redirectUri), "configured"));
    }

    /** Forgets a registered client, as a server that lost it: its next token request is invalid_client. */
    void forget(String clientId) {
        registered.remove(clientId);
    }

    Set<String> registeredClients() {
        return Set.copyOf(registered.keySet());
    }

    /** The MCP endpoint: a JSON-RPC answer for a token issued for this resource, else 401 (RFC 6750 §3, RFC 9728 §5.1). */
    void resource(HttpExchange exchange, Seen request) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.get(authorization.substring(7)) : null;
        if (grant == null || !server.resource().equals(grant.resource())) {
            String challenge = server.challengeNamesMetadata ? "Bearer resource_metadata=\"" + server.origin()
                    + McpTestServer.CHALLENGED_METADATA_PATH + "\"" + (server.challengeScope == null ? ""
                    : ", scope=\"" + server.challengeScope + "\"") : "Bearer realm=\"mcp\"";
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            Exchanges.json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        Exchanges.json(exchange, 200, Map.of("jsonrpc", "2.0", "id", 1, "result", Map.of("protocolVersion", "2025-11-25",
                "serverInfo", Map.of("name", "rfc-test-mcp", "version", "1"), "capabilities", Map.of())));
    }

    void authorize(HttpExchange exchange, Seen request) {
        Client client = client(request.queryParameter("client_id"), request.queryParameter("redirect_uri"));
        String redirectUri = request.queryParameter("redirect_uri");
        if (client == null || redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            Exchanges.send(exchange, 400, "unknown client or redirect URI".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String state = request.queryParameter("state");
        String resource = request.queryParameter("resource");
        if (!"code".equals(request.queryParameter("response_type")) || request.queryParameter("code_challenge") == null
                || !"S256".equals(request.queryParameter("code_challenge_method"))) {
            Exchanges.redirect(exchange, answer(redirectUri, "error", "invalid_request", state));
        } else if (resource != null && !resource.equals(server.resource())) {
            Exchanges.redirect(exchange, answer(redirectUri, "error", "invalid_target", state));
        } else {
            String code = random();
            codes.put(code, new Grant(client, redirectUri, request.queryParameter("code_challenge"),
                    request.queryParameter("scope"), resource));
            Exchanges.redirect(exchange, answer(redirectUri, "code", code, state));
        }
    }

    void token(HttpExchange exchange, Seen request) {
        if (failingTokenRequests.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            Exchanges.json(exchange, 503, Map.of("error", "temporarily_unavailable"));
            return;
        }
        Client client = authenticate(request);
        if (client == null) {
            Exchanges.json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        String grantType = request.formParameter("grant_type");
        Grant grant = "authorization_code".equals(grantType) ? codes.remove(Objects.requireNonNullElse(request.formParameter("code"), ""))
                : "refresh_token".equals(grantType) ? refreshTokens.remove(Objects.requireNonNullElse(request.formParameter("refresh_token"), ""))
                : null;
        if (grant == null || !grant.client().id().equals(client.id())
                || ("authorization_code".equals(grantType) && !(grant.redirectUri().equals(request.formParameter("redirect_uri"))
                        && challengeOf(request.formParameter("code_verifier")).equals(grant.challenge())))) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        if (!Objects.equals(grant.resource(), request.formParameter("resource"))) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_target")); // RFC 8707 §2.2
            return;
        }
        String access = random();
        String refresh = random();
        accessTokens.put(access, grant);
        refreshTokens.put(refresh, grant);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", access);
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", 3600);
        tokens.put("refresh_token", refresh);
        if (grant.scope() != null) {
            tokens.put("scope", grant.scope());
        }
        CountDownLatch held = refreshAnswerGate;
        if (held != null && "refresh_token".equals(grantType)) {
            await(held);
        }
        Exchanges.json(exchange, 200, tokens);
    }

    /** RFC 7591 §3: 201 with a client id; a public client (auth method none) gets no secret. */
    void register(HttpExchange exchange, String body) {
        CountDownLatch gate = registrationGate;
        if (gate != null) {
            gate.countDown();
            await(gate);
        }
        JsonNode metadata;
        try {
            metadata = Exchanges.JSON.readTree(body);
        } catch (IOException e) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_client_metadata"));
            return;
        }
        registrationRequests.add(metadata);
        if (!server.registration || server.registrationFails) {
            Exchanges.json(exchange, server.registration ? 503 : 404, Map.of("error", "temporarily_unavailable"));
            return;
        }
        JsonNode redirects = metadata.path("redirect_uris");
        if (!redirects.isArray() || redirects.isEmpty()) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_redirect_uri"));
            return;
        }
        Set<String> redirectUris = new HashSet<>();
        redirects.forEach(uri -> redirectUris.add(uri.asText()));
        String method = metadata.path("token_endpoint_auth_method").asText("client_secret_basic");
        Client client = new Client("registered-" + random().substring(0, 12), method.equals("none") ? null : random(),
                redirectUris, "registered");
        registered.put(client.id(), client);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.id());
        answer.put("client_id_issued_at", System.currentTimeMillis() / 1000);
        if (client.secret() != null) {
            answer.put("client_secret", client.secret());
            answer.put("client_secret_expires_at", 0);
        }
        answer.put("redirect_uris", List.copyOf(redirectUris));
        answer.put("token_endpoint_auth_method", method);
        Exchanges.json(exchange, 201, answer);
    }

    /** RFC 7009: 200 whatever the token; a token of another client is left alone. */
    void revoke(HttpExchange exchange, Seen request) {
        Client client = authenticate(request);
        if (client == null) {
            Exchanges.json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        String token = Objects.requireNonNullElse(request.formParameter("token"), "");
        Grant grant = refreshTokens.get(token);
        if (grant != null && grant.client().id().equals(client.id())) {
            refreshTokens.remove(token);
            accessTokens.values().removeIf(issued -> issued == grant);
        }
        Exchanges.json(exchange, 200, Map.of());
    }

    /** A client by id: registered, or a URL whose metadata document this server takes (fetched on first sight). */
    private Client client(String id, String redirectUri) {
        if (id == null) {
            return null;
        }
        Client known = registered.getOrDefault(id, documents.get(id));
        if (known != null || !server.metadataDocuments || !id.startsWith("http")) {
            return known;
        }
        Client fetched = fetchDocument(id, redirectUri);
        if (fetched != null) {
            documents.put(id, fetched);
        }
        return fetched;
    }

    private Client fetchDocument(String url, String redirectUri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode document = Exchanges.JSON.readTree(response.body());
            Set<String> redirectUris = new HashSet<>();
            document.path("redirect_uris").forEach(uri -> redirectUris.add(uri.asText()));
            boolean idMatches = url.equals(document.path("client_id").asText());
            boolean redirectListed = redirectUri != null && redirectUris.contains(redirectUri);
            documentChecks.add("status=" + response.statusCode() + " client_id=" + (idMatches ? "matches" : "differs")
                    + " redirect_uri=" + (redirectListed ? "listed" : "missing")
                    + " auth=" + document.path("token_endpoint_auth_method").asText());
            return response.statusCode() == 200 && idMatches && redirectListed
                    ? new Client(url, null, redirectUris, "document") : null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            documentChecks.add("fetch failed: " + e.getClass().getSimpleName());
            return null;
        }
    }

    /** RFC 6749 §2.3.1: Basic with form-url-encoded id and secret, or client_id (and secret) in the body. */
    private Client authenticate(Seen request) {
        List<String> header = request.headers().getOrDefault("Authorization", List.of());
        String id = request.formParameter("client_id");
        String secret = request.formParameter("client_secret");
        if (!header.isEmpty() && header.get(0).startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(header.get(0).substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        }
        Client client = id == null ? null : registered.getOrDefault(id, documents.get(id));
        return client != null && Objects.equals(client.secret(), secret) ? client : null;
    }

    private String answer(String redirectUri, String name, String value, String state) {
        return redirectUri + "?" + name + "=" + encode(value) + (state == null ? "" : "&state=" + encode(state))
                + "&iss=" + encode(server.issuer());
    }

    private static String challengeOf(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
