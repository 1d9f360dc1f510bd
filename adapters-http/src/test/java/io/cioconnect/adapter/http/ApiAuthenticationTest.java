package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAuthenticationTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestWithoutAKeyIsUnauthorized() {
        HttpResponse<String> response = server.get("/api/v1/connections?owner=user-1");

        ConnectionApiTest.assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-key", "Bearer " + TestServer.API_KEY + "x", "Bearer ",
            "Basic " + TestServer.API_KEY, TestServer.API_KEY, "Bearer" + TestServer.API_KEY})
    void aRequestWithAWrongKeyIsUnauthorized(String authorization) {
        ConnectionApiTest.assertProblem(server.send(HttpRequest.newBuilder(server.uri("/api/v1/connections?owner=u"))
                .header("Authorization", authorization)), 401, "unauthorized");
    }

    @Test
    void everyConfiguredKeyIsAcceptedAndTheSchemeIsCaseInsensitive() {
        for (String authorization : new String[] {"Bearer " + TestServer.API_KEY, "bearer " + TestServer.OTHER_API_KEY,
                "BEARER " + TestServer.API_KEY}) {
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/connections?owner=u"))
                    .header("Authorization", authorization)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyApiRouteNeedsAKeyEvenOnesThatDoNotExist() {
        ConnectionApiTest.assertProblem(server.send(HttpRequest.newBuilder(server.uri("/api/v1/connect-sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))), 401, "unauthorized");
        ConnectionApiTest.assertProblem(server.send(HttpRequest.newBuilder(server.uri("/api/v1/connections/x")).DELETE()),
                401, "unauthorized");
        ConnectionApiTest.assertProblem(server.get("/api/v2/anything"), 401, "unauthorized");
    }

    @Test
    void theApiAnswersNoCorsHeadersEvenToAPreflight() {
        HttpResponse<String> simple = server.send(server.api("/api/v1/connections?owner=u")
                .header("Origin", "https://evil.example"));
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/api/v1/connections"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> response : List.of(simple, preflight)) {
            assertThat(response.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        }
        assertThat(preflight.statusCode()).isIn(401, 404);
    }
}
