package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before any route runs (found by the bad-input suite in bootstrap): they used to get
 * Jetty's HTML page, which repeated the request URI and lacked the security headers. Now they get the same
 * problem+json as every other failure.
 */
class ProtocolErrorsTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> refusedByJetty() {
        return Stream.of(
                Arguments.of("a control character in a header", "GET /api/v1/connections?owner=u HTTP/1.1\r\nX-Test: a\u0001b", 400),
                Arguments.of("a NUL in the Content-Type", "POST /api/v1/connect-sessions HTTP/1.1\r\nContent-Type: application/json\u0000", 400),
                Arguments.of("a path above the root", "GET /%2e%2e/health/live?state=s3cr3t HTTP/1.1", 400),
                Arguments.of("a URI over the limit", "GET /oauth/customerio/callback?state=s3cr3t&code=LONG HTTP/1.1", 414),
                Arguments.of("headers over the limit", "GET /health/live?state=s3cr3t HTTP/1.1\r\nX-Padding: LONG", 431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByJetty")
    void answersProblemJsonWithTheSecurityHeadersAndRepeatsNothing(String what, String head, int status) {
        String response = exchange(head.replace("LONG", "x".repeat(20_000)));
        String[] parts = response.split("\r\n\r\n", 2);

        assertThat(parts[0]).startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("Content-Type: " + ProblemResponses.CONTENT_TYPE)
                .containsIgnoringCase("X-Content-Type-Options: nosniff")
                .containsIgnoringCase("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
                .containsIgnoringCase("Referrer-Policy: no-referrer")
                .containsIgnoringCase("Cache-Control: no-store");
        JsonNode problem = JsonFields.parse(parts[1]);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(parts[1]).doesNotContain("s3cr3t", "xxxx", "/api", "Illegal", "<html");
    }

    /** Sends a request head exactly as given (no client sends these) and reads the whole answer. */
    private String exchange(String head) {
        try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
