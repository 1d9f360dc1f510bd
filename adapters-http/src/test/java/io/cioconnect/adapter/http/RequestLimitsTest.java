package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsRefusedWith413() {
        HttpResponse<String> response = server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS, oversizedJson());

        ConnectionApiTest.assertProblem(response, 413, "validation_failed");
        SecurityHeadersTest.assertHardened(response);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] body = oversizedJson().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = server.send(server.api(ConnectSessionRoutes.CONNECT_SESSIONS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        ConnectionApiTest.assertProblem(response, 413, "validation_failed");
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedOnItsContent() {
        String padding = " ".repeat(HttpSettings.MAX_BODY_BYTES - 100);
        HttpResponse<String> response = server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS,
                "{\"owner\":\"u\",\"provider\":\"customerio\"," + padding + "\"return_to\":\"https://app.example.com/\"}");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void oversizedHeadersGet431WithoutAStackTrace() {
        HttpResponse<String> response = server.send(server.api("/health/live").header("X-Padding", "a".repeat(20_000)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void anOversizedUrlGets414WithoutAStackTrace() {
        HttpResponse<String> response = server.get("/oauth/customerio/callback?code=" + "c".repeat(20_000) + "&state=s");

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static String oversizedJson() {
        return "{\"owner\":\"" + "a".repeat(HttpSettings.MAX_BODY_BYTES) + "\"}";
    }
}
