package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v1/webhook-events} and {@code POST /api/v1/webhook-events/{id}/retry}. */
class WebhookEventApiTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = server.send(server.api(WebhookEventRoutes.EVENTS + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonFields.parse(response.body());
    }

    private HttpResponse<String> retry(String id) {
        return server.send(server.api("/api/v1/webhook-events/" + id + "/retry")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Fails the one pending event for good, as the worker does after a day of failed attempts. */
    private WebhookEvent failForGood() {
        UUID holder = UUID.randomUUID();
        WebhookEvent event = server.core.webhookEvents.claimDue(server.core.clock.instant(), holder,
                server.core.clock.instant().plusSeconds(30), 1).get(0);
        WebhookEvent failed = event.attemptFailed("HTTP 500", event.giveUpAt(), () -> 0.5);
        server.core.webhookEvents.settle(failed, holder);
        return failed;
    }

    @Test
    void listsEventsWithTheirDeliveryStateAPageAtATimeAndNeverTheirBody() {
        for (String owner : new String[] {"ann", "bea", "cy"}) {
            server.core.clock.advance(Duration.ofSeconds(1));
            server.core.connect(owner);
        }

        JsonNode first = list("?limit=2");
        JsonNode second = list("?limit=2&cursor=" + first.get("next_cursor").asText());

        assertThat(first.get("webhook_events")).hasSize(2);
        assertThat(second.get("webhook_events")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        JsonNode event = first.get("webhook_events").get(0);
        assertThat(event.get("type").asText()).isEqualTo("connection.created");
        assertThat(event.get("status").asText()).isEqualTo("pending");
        assertThat(event.get("attempts").asInt()).isZero();
        assertThat(event.has("next_attempt_at")).isTrue();
        assertThat(event.toString()).doesNotContain("ann").doesNotContain("\"data\"");
    }

    @Test
    void retriesAFailedEventAndFiltersByStatus() {
        server.core.connect("dot");
        WebhookEvent failed = failForGood();
        assertThat(list("?status=failed").get("webhook_events")).hasSize(1);
        assertThat(list("?status=pending").get("webhook_events")).isEmpty();

        HttpResponse<String> retried = retry(failed.id().toString());

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(JsonFields.string(retried.body(), "status")).isEqualTo("pending");
        assertThat(list("?status=pending").get("webhook_events").get(0).get("id").asText())
                .isEqualTo(failed.id().toString());
        assertThat(server.core.webhookEvents.find(failed.id()).orElseThrow().status())
                .isEqualTo(WebhookEventStatus.PENDING);
        assertThat(retry(failed.id().toString()).statusCode()).as("no longer failed").isEqualTo(400);
    }

    @Test
    void retryingAnUnknownEventIsANotFound() {
        assertThat(retry(UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        assertThat(retry("not-an-id").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?status=lost", "?limit=0", "?limit=201", "?limit=x", "?cursor=%2F%2F", "?cursor=abc",
            "?status=failed&status=pending"})
    void refusesInvalidParametersWithA400(String query) {
        HttpResponse<String> response = server.send(server.api(WebhookEventRoutes.EVENTS + query));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonFields.string(response.body(), "code")).isEqualTo("validation_failed");
    }

    @Test
    void needsAnApiKey() {
        assertThat(server.get(WebhookEventRoutes.EVENTS).statusCode()).isEqualTo(401);
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/webhook-events/" + UUID.randomUUID()
                + "/retry")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
    }
}
