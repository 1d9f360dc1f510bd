package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.McpClientDriver.CALLBACK;
import static io.cioconnect.devsandbox.McpClientDriver.MCP;
import static io.cioconnect.devsandbox.SandboxDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients whose client_id is the URL of their metadata document: fetched, checked, then trusted for that URL. */
class SandboxMetadataDocumentTest {

    private final SandboxDriver sandbox = new SandboxDriver();
    private final McpClientDriver mcp = new McpClientDriver(sandbox);
    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer client;
    private String url;

    @BeforeEach
    void serveTheDocument() throws IOException {
        client = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        client.createContext("/client-metadata.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get() == null ? new byte[0] : document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(document.get() == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        client.start();
        url = "http://127.0.0.1:" + client.getAddress().getPort() + "/client-metadata.json";
    }

    @AfterEach
    void stop() {
        client.stop(0);
        sandbox.close();
    }

    private void publish(String clientId, String redirectUri) {
        document.set("{\"client_id\":\"" + clientId + "\",\"client_name\":\"Document client\",\"redirect_uris\":[\""
                + redirectUri + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}");
    }

    private HttpResponse<String> authorize() {
        return sandbox.authorize(McpClientDriver.authorizationRequest(url, SandboxDriver.challengeOf(
                SandboxDriver.newVerifier()), MCP));
    }

    @Test
    void fetchesTheDocumentAndIssuesTokensToItsUrl() throws Exception {
        publish(url, CALLBACK);
        String verifier = SandboxDriver.newVerifier();
        String code = mcp.obtainCode(url, verifier);

        HttpResponse<String> exchanged = mcp.exchange(url, code, verifier, MCP);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        HttpResponse<String> initialized = mcp.initialize((String) json(exchanged).get("access_token"));

        assertThat(new ObjectMapper().readTree(initialized.body()).path("result").path("_meta")
                .path(McpServer.CLIENT_META).path("identity").asText()).isEqualTo("metadata_document");
        assertThat(fetches.get()).as("kept for a while, not fetched on every request").isEqualTo(1);
    }

    @Test
    void theConsentPageSaysTheClientCameWithAMetadataDocument() {
        publish(url, CALLBACK);

        assertThat(authorize().body()).contains("Document client wants access")
                .contains("Client identity: <strong>client ID metadata document</strong>");
    }

    @Test
    void refusesADocumentWhoseClientIdIsNotItsOwnUrl() {
        publish("https://impostor.example.com/client.json", CALLBACK);

        HttpResponse<String> refused = authorize();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("client_id is not its own URL");
    }

    @Test
    void refusesARedirectUriTheDocumentDoesNotList() {
        publish(url, "http://localhost:9999/elsewhere");

        HttpResponse<String> refused = authorize();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void refusesAClientWhoseDocumentCannotBeFetched() {
        HttpResponse<String> refused = authorize();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("metadata document");
    }
}
