package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths and methods a scanner would try: never a way around the API key, never a 5xx. */
class BadInputTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/v1/connections?owner=u", "//api/v1/connections?owner=u",
            "/api//v1/connections?owner=u", "/API/v1/connections?owner=u", "/api/v1/connections/?owner=u",
            "/x/../api/v1/connections?owner=u", "/api/v1/connections;x=y?owner=u", "/api/v1/connections%2F?owner=u",
            "/api/v1/connections%00?owner=u"})
    void pathVariantsDoNotGetPastTheApiKeyCheck(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).as(path).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("connections\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "TRACE", "PROPFIND", "OPTIONS"})
    void unexpectedMethodsAreAClient404Or405(String method) {
        HttpResponse<String> response = server.send(server.api("/api/v1/connections")
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(method).isBetween(400, 499);
        SecurityHeadersTest.assertHardened(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth/customerio/callback?state=%ZZ&code=c", "/oauth/customerio/start?ticket=%",
            "/oauth/%ZZ/start?ticket=t", "/oauth/customerio/callback?state=a%00b&code=c",
            "/oauth/customerio/start?ticket=" + "%C3%28"})
    void brokenEncodingsAreAClientError(String path) {
        assertThat(server.rawGetStatus(path)).as(path).isBetween(400, 499);
    }
}
