package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.webhook.VerifyingReceiver;
import io.cioconnect.adapter.webhook.VerifyingReceiver.Delivery;
import io.cioconnect.application.WebhookSettings;
import io.cioconnect.bootstrap.config.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end: the whole service on PostgreSQL, a scripted provider, and a host's receiver on a real
 * HTTP server that checks every signature with the Standard Webhooks reference library.
 */
class WebhooksIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** Attempts give up after 2 s and claims last 3 s, so that a dead holder's claim ends quickly. */
    static final WebhookSettings FAST = new WebhookSettings(8, Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofMillis(100));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerifyingReceiver receiver = VerifyingReceiver.start(OLD_SECRET, NEW_SECRET);
    private final List<AutoCloseable> running = new ArrayList<>();

    /** The class's database is shared by its tests: no event of one may reach the receiver of the next. */
    @BeforeEach
    void emptyTheDatabase() {
        POSTGRES.database().truncateAllTables();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        receiver.close();
    }

    private ScriptedProvider provider() throws Exception {
        ScriptedProvider provider = ScriptedProvider.start("acme");
        running.add(provider);
        return provider;
    }

    private RunningService service(ScriptedProvider provider) throws Exception {
        return service(provider, FAST);
    }

    private RunningService service(ScriptedProvider provider, WebhookSettings webhooks) throws Exception {
        Map<String, String> env = new HashMap<>(provider.environment());
        env.put("PROVIDERS", provider.id());
        env.put("REFRESH_INTERVAL", "1h");
        env.put("WEBHOOK_URL", receiver.url().toString());
        env.put("WEBHOOK_SECRETS", OLD_SECRET + "," + NEW_SECRET);
        RunningService service = RunningService.start(Mode.SERVE, POSTGRES.database(), env, webhooks);
        running.add(0, service);
        return service;
    }

    private static JsonNode json(Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (Exception e) {
            throw new AssertionError("a webhook body that is not JSON", e);
        }
    }

    /** Waits until the host took an event of {@code type} about {@code connection}, and returns it. */
    private Delivery awaitAccepted(String type, String connection) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                .filter(d -> json(d).get("type").asText().equals(type)
                        && json(d).get("data").get("id").asText().equals(connection))
                .findFirst().orElse(null), Objects::nonNull);
    }

    private HostApi.Answer accessToken(RunningService service, String id, boolean force) throws Exception {
        return service.api.call("POST", "/api/v1/connections/" + id + "/access-token",
                force ? "{\"force_refresh\":true}" : null);
    }

    @Test
    void everyChangeReachesTheHostSignedWithEverySecretAndCarryingWhatGetShows() throws Exception {
        ScriptedProvider provider = provider();
        RunningService service = service(provider);
        provider.issueAccessTokensLasting(Duration.ofSeconds(2));
        String id = ScriptedFlows.connect(service.api, provider.id(), "alice");
        Delivery created = awaitAccepted("connection.created", id);
        JsonNode shown = service.api.call("GET", "/api/v1/connections/" + id, null).json();
        assertThat(json(created).get("data")).isEqualTo(shown);
        assertThat(Instant.parse(json(created).get("timestamp").asText())).isBefore(Instant.now());

        ScriptedFlows.connect(service.api, provider.id(), "alice");
        awaitAccepted("connection.reconnected", id);

        Instant expiry = Instant.parse(service.api.call("GET", "/api/v1/connections/" + id, null).json()
                .get("access_token_expires_at").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry));
        provider.script(request -> request.isRefresh() ? ScriptedProvider.error(400, "temporarily_unavailable") : null);
        int asked = provider.refreshRequests();
        assertThat(accessToken(service, id, false).status()).isEqualTo(503);
        assertThat(accessToken(service, id, true).status()).as("force_refresh: asks the provider again").isEqualTo(503);
        assertThat(provider.refreshRequests()).as("failed twice in a row").isGreaterThanOrEqualTo(asked + 2);
        Delivery failing = awaitAccepted("connection.refresh_failing", id);
        assertThat(json(failing).get("data").get("last_error").asText()).contains("refresh failed");

        provider.script(request -> null);
        // The failures opened the provider's circuit breaker (30 s): the refresh succeeds once it lets calls through.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> accessToken(service, id, true).status() == 200);
        awaitAccepted("connection.refresh_recovered", id);

        provider.script(request -> request.isRefresh() ? ScriptedProvider.error(400, "invalid_grant") : null);
        assertThat(accessToken(service, id, true).status()).isEqualTo(409);
        Delivery lost = awaitAccepted("connection.reauthorization_required", id);
        assertThat(json(lost).get("data").get("status").asText()).isEqualTo("reauthorization_required");

        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);
        awaitAccepted("connection.deleted", id);

        List<Delivery> all = receiver.deliveries();
        assertThat(all).extracting(d -> json(d).get("type").asText()).as("refresh_failing once per episode")
                .containsOnlyOnce("connection.refresh_failing");
        assertThat(all).hasSize(6).allSatisfy(delivery -> {
            assertThat(delivery.verifiedBy()).as("each signature verifies on its own").containsExactly(OLD_SECRET,
                    NEW_SECRET);
            assertThat(delivery.body()).doesNotContain(provider.lastAccessToken()).doesNotContain("refresh_token");
        });
        assertThat(all).extracting(Delivery::id).doesNotHaveDuplicates();
        JsonNode listed = service.api.call("GET", "/api/v1/webhook-events?status=delivered", null).json();
        assertThat(listed.get("webhook_events")).hasSize(6);
    }

    @Test
    void aReceiverThatIsDownThenBackGetsEveryEventAndRepeatsOnlyWithTheSameId() throws Exception {
        CapturedLogs logs = new CapturedLogs();
        running.add(logs);
        ScriptedProvider provider = provider();
        RunningService service = service(provider);
        receiver.answer(VerifyingReceiver.Mode.DOWN);
        for (int i = 0; i < 5; i++) {
            ScriptedFlows.connect(service.api, provider.id(), "owner-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() >= 5);
        JsonNode pending = service.api.call("GET", "/api/v1/webhook-events?status=pending", null).json();
        assertThat(pending.get("webhook_events")).hasSize(5).allSatisfy(event -> {
            assertThat(event.get("last_error").asText()).isEqualTo("HTTP 503");
            assertThat(event.get("attempts").asInt()).isPositive();
        });
        Set<String> ids = new HashSet<>();
        pending.get("webhook_events").forEach(event -> ids.add(event.get("id").asText()));

        receiver.answer(VerifyingReceiver.Mode.UP);

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 5);
        assertThat(receiver.accepted()).extracting(Delivery::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(receiver.deliveries()).extracting(Delivery::id).as("every retry carries its event's id")
                .allMatch(ids::contains);
        assertThat(service.api.call("GET", "/api/v1/webhook-events?status=pending", null).json()
                .get("webhook_events")).isEmpty();
        String someId = ids.iterator().next();
        assertThat(logs.messages()).as("delivery logs name the event and its type")
                .anyMatch(line -> line.contains("Webhook event " + someId + " (connection.created) not delivered"))
                .anyMatch(line -> line.contains("Webhook event " + someId + " (connection.created) delivered"));
        assertThat(logs.messages()).filteredOn(line -> line.contains("Webhook")).as("and never its body")
                .allSatisfy(line -> assertThat(line).doesNotContain("owner-").doesNotContain("\"data\""));
    }

    @Test
    void aHangingReceiverSlowsNothingElse() throws Exception {
        ScriptedProvider provider = provider();
        // A 30 s deadline: every sending thread stays stuck on the receiver while the API is measured.
        RunningService service = service(provider, new WebhookSettings(8, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMillis(100)));
        String id = ScriptedFlows.connect(service.api, provider.id(), "hang-owner");
        awaitAccepted("connection.created", id);
        receiver.answer(VerifyingReceiver.Mode.HANG);
        int before = receiver.arrivals();
        for (int i = 0; i < 12; i++) {
            ScriptedFlows.connect(service.api, provider.id(), "hung-" + i);
        }
        await("webhooks waiting on the hanging receiver").atMost(Duration.ofSeconds(10))
                .until(() -> receiver.arrivals() >= before + 8);

        for (int i = 0; i < 50; i++) {
            long started = System.nanoTime();
            HostApi.Answer token = accessToken(service, id, false);
            assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not queued behind the receiver")
                    .isLessThan(Duration.ofSeconds(5));
        }
        assertThat(service.api.call("GET", "/health/ready", null).status()).isEqualTo(200);
        assertThat(POSTGRES.database().sessionsHoldingATransactionOrWaitingForALock())
                .as("no transaction or lock held while the receiver hangs").isZero();
        assertThat(receiver.deliveries()).as("the receiver still holds every request").hasSize(1);
        receiver.release();
        receiver.answer(VerifyingReceiver.Mode.UP);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 13);
    }

    @Test
    void twoInstancesDeliverEachEventOnce() throws Exception {
        ScriptedProvider provider = provider();
        List<RunningService> instances = List.of(service(provider), service(provider));
        List<String> connections = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            connections.add(ScriptedFlows.connect(instances.get(i % 2).api, provider.id(), "pair-" + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 20);

        assertThat(receiver.deliveries()).as("each event delivered by one instance, once").hasSize(20)
                .extracting(Delivery::id).doesNotHaveDuplicates();
        assertThat(receiver.deliveries()).extracting(d -> json(d).get("data").get("id").asText())
                .containsExactlyInAnyOrderElementsOf(connections);
    }
}
