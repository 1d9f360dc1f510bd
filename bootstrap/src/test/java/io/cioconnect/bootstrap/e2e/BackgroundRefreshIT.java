package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The background refresher, wired by the composition root, renews tokens nobody asked for. */
class BackgroundRefreshIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void refreshesAConnectionThatEntersTheWindowWithoutAnyCall() throws Exception {
        // Sandbox tokens live 10 minutes: a 15-minute window makes every new connection due at once.
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(),
                Map.of("REFRESH_WINDOW", "15m", "REFRESH_INTERVAL", "1s"))) {
            URI back = ConnectFlows.throughSandbox(new Browser(),
                    service.api.createConnectUrl("frank", "sandbox", RunningService.RETURN_TO));
            String id = ConnectFlows.parameter(back, "connection_id");

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    !service.api.call("GET", "/api/v1/connections/" + id, null).json().get("last_refreshed_at").isNull());

            String metrics = new Browser().get(service.baseUrl.resolve("/metrics")).body();
            assertThat(metrics).contains("cioconnect_refreshes_total{outcome=\"refreshed\",trigger=\"background\"}");
        }
    }
}
