package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request gets an id: the caller's when it is safe, else a new one; on the response and on its log lines. */
class RequestIdsTest {

    private CapturedLogs logs;
    private TestServer server;

    @BeforeEach
    void start() {
        logs = CapturedLogs.start();
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    private HttpResponse<String> get(String path, String requestId) {
        return server.send(server.api(path).header(RequestIds.HEADER, requestId));
    }

    /** Javalin may finish the response a moment before it writes the request line: wait for the line. */
    private void awaitRequestLineWith(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> loggedIds().contains(id));
    }

    private List<String> loggedIds() {
        return logs.requestEvents().stream().map(line -> line.getMDCPropertyMap().get(RequestIds.LOG_KEY)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9f1c2b3a-4d5e-6f70-8192-a3b4c5d6e7f8", "Root=1-5759e988-bd862e3fe1be46a9", "a",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:"})
    void takesASafeIdFromTheCallerAndLogsTheRequestWithIt(String id) {
        HttpResponse<String> response = get("/api/v1/connections?owner=alice", id);

        assertThat(response.headers().firstValue(RequestIds.HEADER)).contains(id);
        awaitRequestLineWith(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "quote\"d", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "tab\there", "semi;colon", "ünïcode", "<script>"})
    void replacesAnyOtherIdWithANewOne(String id) {
        HttpResponse<String> response = get("/api/v1/connections?owner=alice", id);

        String given = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(given).matches("[0-9a-f]{32}");
        awaitRequestLineWith(given);
        assertThat(loggedIds()).doesNotContain(id);
    }

    @Test
    void givesEveryRequestWithoutOneItsOwnIncludingRefusedOnes() {
        HttpResponse<String> unauthorized = server.get("/api/v1/connections?owner=alice");
        HttpResponse<String> notFound = server.get("/no/such/page");

        String first = unauthorized.headers().firstValue(RequestIds.HEADER).orElseThrow();
        String second = notFound.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
        awaitRequestLineWith(second);
        assertThat(loggedIds()).containsExactly(first, second);
    }
}
