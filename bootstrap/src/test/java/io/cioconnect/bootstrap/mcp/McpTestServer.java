package io.cioconnect.bootstrap.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An MCP server and its authorization server, written for the tests from the RFCs and the MCP authorization
 * specification alone (RFC 6749, 7636, 7591, 7009, 8414, 8707, 9207, 9728, the client ID metadata document
 * draft), on the JDK's HttpServer. The resource is {@code <origin>/mcp}, the issuer {@code <origin>/as}.
 * What it offers is set per test through its public fields; every request it receives is recorded.
 */
final class McpTestServer implements AutoCloseable {

    /** Where the protected resource metadata is served when the 401 names it (the well-known URL then answers 404). */
    static final String CHALLENGED_METADATA_PATH = "/metadata/mcp-resource.json";

    /** One request as it arrived: method, path, query and form parameters (every value kept) and headers. */
    record Seen(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
            Map<String, List<String>> headers) {

        String queryParameter(String name) {
            return Exchanges.single(query, name);
        }

        String formParameter(String name) {
            return Exchanges.single(form, name);
        }
    }

    /** Where the authorization server's metadata can be found. */
    enum ServerMetadataAt { OAUTH_PATH_INSERTED, OPENID_PATH_APPENDED }

    // What this server offers; tests change these before they start a flow.
    volatile boolean challengeNamesMetadata = true;
    volatile String challengeScope;
    volatile List<String> scopesSupported = List.of("mcp:read", "mcp:write");
    volatile ServerMetadataAt serverMetadataAt = ServerMetadataAt.OAUTH_PATH_INSERTED;
    volatile String advertisedIssuer;
    volatile boolean metadataDocuments = true;
    volatile boolean registration = true;
    volatile boolean registrationFails;
    volatile boolean revocation = true;
    /** When set, every request waits (up to 10 s) for it to open before it is answered: a server that hangs. */
    volatile CountDownLatch hung;

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final TestAuthorization authorization;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    McpTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authorization = new TestAuthorization(this);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String resource() {
        return origin() + "/mcp";
    }

    String issuer() {
        return origin() + "/as";
    }

    /** The requests made to {@code path}, in order. */
    List<Seen> to(String path) {
        return seen.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) {
        try {
            CountDownLatch hanging = hung;
            if (hanging != null) {
                hanging.await(10, TimeUnit.SECONDS);
            }
            String body = new String(Exchanges.body(exchange), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean isForm = type != null && type.startsWith("application/x-www-form-urlencoded");
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Exchanges.form(exchange.getRequestURI().getRawQuery()), isForm ? Exchanges.form(body) : Map.of(),
                    Map.copyOf(exchange.getRequestHeaders()));
            seen.add(request);
            route(exchange, request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Exchanges.json(exchange, 500, Map.of("error", "server_error"));
        }
    }

    private void route(HttpExchange exchange, Seen request, String body) {
        switch (request.path()) {
            case "/mcp" -> authorization.resource(exchange, request);
            case CHALLENGED_METADATA_PATH -> metadataIf(exchange, challengeNamesMetadata, resourceMetadata());
            case "/.well-known/oauth-protected-resource/mcp" ->
                    metadataIf(exchange, !challengeNamesMetadata, resourceMetadata());
            case "/.well-known/oauth-authorization-server/as" ->
                    metadataIf(exchange, serverMetadataAt == ServerMetadataAt.OAUTH_PATH_INSERTED, serverMetadata());
            case "/as/.well-known/openid-configuration" ->
                    metadataIf(exchange, serverMetadataAt == ServerMetadataAt.OPENID_PATH_APPENDED, serverMetadata());
            case "/as/authorize" -> authorization.authorize(exchange, request);
            case "/as/token" -> authorization.token(exchange, request);
            case "/as/register" -> authorization.register(exchange, body);
            case "/as/revoke" -> authorization.revoke(exchange, request);
            default -> Exchanges.json(exchange, 404, Map.of("error", "not_found"));
        }
    }

    private static void metadataIf(HttpExchange exchange, boolean served, Map<String, Object> metadata) {
        Exchanges.json(exchange, served ? 200 : 404, served ? metadata : Map.of("error", "not_found"));
    }

    /** RFC 9728 §2. */
    Map<String, Object> resourceMetadata() {
        return Map.of("resource", resource(), "authorization_servers", List.of(issuer()),
                "scopes_supported", scopesSupported, "bearer_methods_supported", List.of("header"));
    }

    /** RFC 8414 §2, with the MCP specification's client_id_metadata_document_supported. */
    Map<String, Object> serverMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", advertisedIssuer != null ? advertisedIssuer : issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        if (revocation) {
            metadata.put("revocation_endpoint", issuer() + "/revoke");
        }
        if (registration) {
            metadata.put("registration_endpoint", issuer() + "/register");
        }
        metadata.put("client_id_metadata_document_supported", metadataDocuments);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        return metadata;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
