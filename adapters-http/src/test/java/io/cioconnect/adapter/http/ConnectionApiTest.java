package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.ConnectionId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionApiTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void showsAConnectionsMetadataWithoutCredentials() {
        ConnectionId id = server.core.connect("user-1");

        HttpResponse<String> response = server.send(server.api("/api/v1/connections/" + id));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonFields.parse(response.body());
        assertThat(body.get("id").asText()).isEqualTo(id.toString());
        assertThat(body.get("owner").asText()).isEqualTo("user-1");
        assertThat(body.get("provider").asText()).isEqualTo("customerio");
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("scopes").get(0).asText()).isEqualTo("full_access");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(body.get("updated_at").asText()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(body.get("access_token_expires_at").asText()).isEqualTo("2026-01-15T11:00:00Z");
        assertThat(body.get("last_refreshed_at").isNull()).isTrue();
        assertThat(body.get("last_error").isNull()).isTrue();
        assertThat(body.get("resource").isNull()).as("no resource named by customerio").isTrue();
        assertThat(response.body()).doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        assertNotFound(server.send(server.api("/api/v1/connections/" + UUID.randomUUID())));
        assertNotFound(server.send(server.api("/api/v1/connections/not-a-uuid")));
    }

    @Test
    void listsAnOwnersConnections() {
        ConnectionId id = server.core.connect("user-1");
        server.core.connect("user-2");

        HttpResponse<String> response = server.send(server.api("/api/v1/connections?owner=user-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode connections = JsonFields.parse(response.body()).get("connections");
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).get("id").asText()).isEqualTo(id.toString());
        assertThat(JsonFields.parse(server.send(server.api("/api/v1/connections?owner=nobody")).body())
                .get("connections")).isEmpty();
    }

    @Test
    void listingRefusesARepeatedOrInvalidOwner() {
        ConnectSessionApiTest.assertValidationFailed(server.send(server.api("/api/v1/connections?owner=a&owner=b")));
        ConnectSessionApiTest.assertValidationFailed(server.send(server.api("/api/v1/connections?owner=%3Cscript%3E")));
    }

    @Test
    void handsOutAnAccessTokenThatIsNeverCached() {
        ConnectionId id = server.core.connect("user-1");

        HttpResponse<String> response = server.send(server.api(accessToken(id)).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JsonFields.parse(response.body());
        assertThat(body.get("access_token").asText()).isEqualTo("access-1");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_at").asText()).isEqualTo("2026-01-15T11:00:00Z");
        assertThat(body.get("scopes").get(0).asText()).isEqualTo("full_access");
        assertThat(server.core.provider.refreshCount()).isZero();
    }

    @Test
    void forceRefreshRefreshesFirst() {
        ConnectionId id = server.core.connect("user-1");

        HttpResponse<String> response = server.postJson(accessToken(id), "{\"force_refresh\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonFields.string(response.body(), "access_token")).isEqualTo("access-2");
        assertThat(server.core.provider.refreshCount()).isEqualTo(1);
        assertThat(server.postJson(accessToken(id), "{\"force_refresh\": false}").statusCode()).isEqualTo(200);
        assertThat(server.core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void anAccessTokenBodyMustBeStrictJson() {
        ConnectionId id = server.core.connect("user-1");

        ConnectSessionApiTest.assertValidationFailed(server.postJson(accessToken(id), "{\"force\": true}"));
        ConnectSessionApiTest.assertValidationFailed(server.postJson(accessToken(id), "{\"force_refresh\": \"yes\"}"));
        ConnectSessionApiTest.assertValidationFailed(server.postJson(accessToken(id), "{\"force_refresh\": tru"));
        HttpResponse<String> wrongType = server.send(server.api(accessToken(id)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<force_refresh/>")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void aConnectionWhoseGrantWasRevokedNeedsReauthorization() {
        ConnectionId id = server.core.connect("user-1");
        server.core.provider.refreshResults.add(new TokenResult.Failed(
                ProviderFailure.of(ProviderFailure.Kind.INVALID_GRANT, "invalid_grant")));

        HttpResponse<String> response = server.postJson(accessToken(id), "{\"force_refresh\": true}");

        assertProblem(response, 409, "reauthorization_required");
        assertThat(JsonFields.string(server.send(server.api("/api/v1/connections/" + id)).body(), "status"))
                .isEqualTo("reauthorization_required");
        assertProblem(server.send(server.api(accessToken(id)).POST(HttpRequest.BodyPublishers.noBody())),
                409, "reauthorization_required");
        assertThat(server.core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenWhileTheProviderIsDownIsUnavailableWithRetryAfter() {
        ConnectionId id = server.core.connect("user-1");
        server.core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.plus(Duration.ofMinutes(1)));
        server.core.provider.refreshResults.add(new TokenResult.Failed(
                new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "timeout", Duration.ofSeconds(30))));

        HttpResponse<String> response = server.send(server.api(accessToken(id)).POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 503, "provider_unavailable");
        assertThat(response.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isPositive());
    }

    @Test
    void deletingIsIdempotentAndLeavesNothingBehind() {
        ConnectionId id = server.core.connect("user-1");

        assertThat(server.send(server.api("/api/v1/connections/" + id).DELETE()).statusCode()).isEqualTo(204);
        assertThat(server.send(server.api("/api/v1/connections/" + id).DELETE()).statusCode()).isEqualTo(204);

        assertNotFound(server.send(server.api("/api/v1/connections/" + id)));
        assertNotFound(server.send(server.api(accessToken(id)).POST(HttpRequest.BodyPublishers.noBody())));
        assertThat(server.core.provider.revocationCount()).isEqualTo(1);
    }

    @Test
    void anAccessTokenForAnUnknownConnectionIsNotFound() {
        assertNotFound(server.send(server.api(accessToken(new ConnectionId(UUID.randomUUID())))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private static String accessToken(ConnectionId id) {
        return "/api/v1/connections/" + id + "/access-token";
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertProblem(response, 404, "not_found");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(ProblemResponses.CONTENT_TYPE);
        JsonNode problem = JsonFields.parse(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    }
}
