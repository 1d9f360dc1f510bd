package io.cioconnect.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.adapter.webhook.VerifyingReceiver;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.JarProcess;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged jar killed with SIGKILL while it waits on the webhook receiver: its claim on the event stays in
 * the database, and once the claim has ended another instance delivers the event, with the same webhook-id.
 */
@Tag("faults")
class KilledWebhookDeliveryIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void anEventWhoseSenderWasKilledIsDeliveredAfterRestart() throws Exception {
        TestDatabase database = POSTGRES.database();
        try (ScriptedProvider provider = ScriptedProvider.start("acme");
                VerifyingReceiver receiver = VerifyingReceiver.start(SECRET)) {
            receiver.answer(VerifyingReceiver.Mode.HANG);
            int port = RunningService.freePort();
            Map<String, String> env = environment(port, provider, database, receiver.url());
            HostApi api = new HostApi(URI.create("http://localhost:" + port), KilledServiceIT.API_KEY);
            String connection;
            try (JarProcess first = JarProcess.start(Files.createTempDirectory("cio-connect-killed-webhook"), env,
                    "serve")) {
                first.awaitLine("is listening", Duration.ofSeconds(90));
                connection = ScriptedFlows.connect(api, provider.id(), "killed-owner");
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.arrivals() == 1);
                first.kill(Duration.ofSeconds(10));
            }
            receiver.answer(VerifyingReceiver.Mode.UP);
            receiver.release(); // the dead instance's request is answered 503: nobody hears it

            Map<String, String> again = new HashMap<>(env);
            again.put("PORT", Integer.toString(RunningService.freePort()));
            try (RunningService second = RunningService.start(Mode.SERVE, database, again)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> !receiver.accepted().isEmpty());
            }

            assertThat(receiver.accepted()).singleElement().satisfies(delivery -> {
                assertThat(delivery.body()).contains("\"type\":\"connection.created\"", connection);
                assertThat(delivery.verifiedBy()).containsExactly(SECRET);
            });
            assertThat(receiver.deliveries()).extracting(VerifyingReceiver.Delivery::id)
                    .as("the killed attempt and the delivery carry the same webhook-id").hasSize(2)
                    .containsOnly(receiver.accepted().get(0).id());
        }
    }

    private static Map<String, String> environment(int port, ScriptedProvider provider, TestDatabase database,
            URI webhookUrl) {
        Map<String, String> env = new HashMap<>(KilledServiceIT.environment(port, provider, database));
        env.put("WEBHOOK_URL", webhookUrl.toString());
        env.put("WEBHOOK_SECRETS", SECRET);
        return env;
    }
}
