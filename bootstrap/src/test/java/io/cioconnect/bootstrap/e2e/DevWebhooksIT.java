package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dev without WEBHOOK_URL sends its webhooks to a receiver of its own, which checks them and lists them. */
class DevWebhooksIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void aNewcomerSeesTheWebhooksOfEveryChangeArriveSignedAndCounted() throws Exception {
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of())) {
            URI back = ConnectFlows.throughSandbox(new Browser(),
                    service.api.createConnectUrl("dana", "sandbox", RunningService.RETURN_TO));
            String id = ConnectFlows.parameter(back, "connection_id");
            assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);

            JsonNode received = await().atMost(Duration.ofSeconds(30)).until(
                    () -> get(service.baseUrl.resolve("/dev/webhooks")).get("webhooks"), list -> list.size() == 2);
            // Events are sent several at a time, so they may arrive in either order (docs/webhooks.md).
            assertThat(received).extracting(event -> event.get("type").asText())
                    .containsExactlyInAnyOrder("connection.created", "connection.deleted");
            assertThat(received).allSatisfy(event -> {
                assertThat(event.get("verified").asBoolean()).isTrue();
                assertThat(event.get("data").get("id").asText()).isEqualTo(id);
            });

            String metrics = http.send(HttpRequest.newBuilder(service.baseUrl.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("cio_webhook_events_pending 0.0",
                    "cioconnect_webhook_deliveries_total{outcome=\"delivered\"} 2.0",
                    "cioconnect_webhook_delivery_seconds_bucket");
            assertThat(metrics).doesNotContain(id);
        }
    }

    @Test
    void theReceiverRefusesWhatItsSecretDidNotSign() throws Exception {
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of())) {
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(service.baseUrl.resolve("/dev/webhooks"))
                    .header("webhook-id", "msg_1").header("webhook-timestamp", "1614265330")
                    .header("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"connection.created\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(get(service.baseUrl.resolve("/dev/webhooks")).get("webhooks")).isEmpty();
        }
    }
}
