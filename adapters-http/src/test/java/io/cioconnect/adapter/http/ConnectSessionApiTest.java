package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cioconnect.application.TestCore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectSessionApiTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsAConnectSessionWithALinkToStartAndAnExpiry() {
        HttpResponse<String> response = create("user-42", "customerio", TestCore.RETURN_TO, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JsonFields.parse(response.body());
        assertThat(body.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("connect_url").asText())
                .startsWith("http://localhost:8080/oauth/customerio/start?ticket=");
        assertThat(body.get("expires_at").asText()).isEqualTo("2026-01-15T10:10:00Z");
    }

    @Test
    void acceptsScopesThatAreASubsetOfTheProvidersAllowedScopes() {
        assertThat(create("user-42", "customerio", TestCore.RETURN_TO, "[\"full_access\"]").statusCode()).isEqualTo(201);
    }

    @Test
    void rejectsScopesOutsideTheAllowedSet() {
        assertValidationFailed(create("user-42", "customerio", TestCore.RETURN_TO, "[\"full_access\",\"admin\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "<script>", "ünïcode"})
    void rejectsOwnersOfTheWrongShape(String owner) {
        assertValidationFailed(create(owner, "customerio", TestCore.RETURN_TO, null));
    }

    @Test
    void rejectsAnOwnerLongerThan200Characters() {
        assertValidationFailed(create("a".repeat(201), "customerio", TestCore.RETURN_TO, null));
    }

    @Test
    void rejectsAMissingOwner() {
        assertValidationFailed(server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS,
                "{\"provider\":\"customerio\",\"return_to\":\"" + TestCore.RETURN_TO + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "Customerio", "customer io", "../customerio"})
    void rejectsProvidersThatAreNotEnabledOrMalformed(String provider) {
        assertValidationFailed(create("user-42", provider, TestCore.RETURN_TO, null));
    }

    static Stream<Arguments> openRedirectAttempts() {
        return Stream.of(
                Arguments.of("//evil.com"),
                Arguments.of("https:evil.com"),
                Arguments.of("/\\\\evil.com"),
                Arguments.of("https://app.example.com@evil.com"),
                Arguments.of("https://app@evil.com"),
                Arguments.of("javascript:alert(1)"),
                Arguments.of("https://app.example.com/%0d%0aSet-Cookie:x=1"),
                Arguments.of("https://app.example.com/\\r\\nX: y"),
                Arguments.of("https://evil.com/settings"),
                Arguments.of("http://app.example.com/settings"),
                Arguments.of("https://app.example.com.evil.com/"),
                Arguments.of("/settings"),
                Arguments.of(""));
    }

    @ParameterizedTest
    @MethodSource("openRedirectAttempts")
    void rejectsReturnToThatCouldRedirectAnywhereElse(String returnTo) {
        assertValidationFailed(create("user-42", "customerio", returnTo, null));
    }

    @Test
    void rejectsUnknownFields() {
        HttpResponse<String> response = server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS,
                "{\"owner\":\"u\",\"provider\":\"customerio\",\"return_to\":\"" + TestCore.RETURN_TO + "\",\"admin\":true}");
        assertValidationFailed(response);
        assertThat(JsonFields.string(response.body(), "detail")).contains("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "{\"owner\": 42, \"provider\": \"customerio\"}", "{} {}",
            "{\"owner\":\"a\",\"owner\":\"b\"}", "{\"owner\":\"u\",\"provider\":\"customerio\",\"scopes\":\"full_access\"}"})
    void rejectsMalformedJson(String body) {
        assertValidationFailed(server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS, body));
    }

    @Test
    void rejectsAMissingBody() {
        assertValidationFailed(server.send(server.api(ConnectSessionRoutes.CONNECT_SESSIONS)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody())));
    }

    @Test
    void rejectsABodyThatIsNotDeclaredAsJson() {
        HttpResponse<String> response = server.send(server.api(ConnectSessionRoutes.CONNECT_SESSIONS)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"u\"}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JsonFields.string(response.body(), "code")).isEqualTo("validation_failed");
    }

    @Test
    void acceptsJsonWithACharsetParameter() {
        HttpResponse<String> response = server.send(server.api(ConnectSessionRoutes.CONNECT_SESSIONS)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"u\",\"provider\":\"customerio\",\"return_to\":\""
                        + TestCore.RETURN_TO + "\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "\" ~!@#$%^&*()_+{}|:<>?`-=[];',./\\\\\\\"\"", "null"})
    void acceptsAClientStateOfPrintableAscii(String clientStateJson) {
        assertThat(createWithClientState(clientStateJson).statusCode()).isEqualTo(201);
        assertThat(createWithClientState("\"" + "c".repeat(256) + "\"").statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"tab\\there\"", "\"new\\nline\"", "\"caf\u00e9\"", "\"\\u0000\"", "42", "true",
            "[\"a\"]", "{}"})
    void rejectsAClientStateThatIsNotOneTo256PrintableAsciiCharacters(String clientStateJson) {
        assertValidationFailed(createWithClientState(clientStateJson));
        assertValidationFailed(createWithClientState("\"" + "c".repeat(257) + "\""));
    }

    @Test
    void neverEchoesARejectedClientState() {
        HttpResponse<String> response = createWithClientState("\"" + "secret-state-".repeat(20) + "\"");

        assertValidationFailed(response);
        assertThat(response.body()).doesNotContain("secret-state-");
    }

    private HttpResponse<String> createWithClientState(String clientStateJson) {
        return server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS, "{\"owner\":\"u\",\"provider\":\"customerio\","
                + "\"return_to\":" + quote(TestCore.RETURN_TO) + ",\"client_state\":" + clientStateJson + "}");
    }

    private HttpResponse<String> create(String owner, String provider, String returnTo, String scopesJson) {
        String json = "{\"owner\":" + quote(owner) + ",\"provider\":" + quote(provider) + ",\"return_to\":" + quote(returnTo)
                + (scopesJson == null ? "" : ",\"scopes\":" + scopesJson) + "}";
        return server.postJson(ConnectSessionRoutes.CONNECT_SESSIONS, json);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void assertValidationFailed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(ProblemResponses.CONTENT_TYPE);
        JsonNode problem = JsonFields.parse(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
    }
}
