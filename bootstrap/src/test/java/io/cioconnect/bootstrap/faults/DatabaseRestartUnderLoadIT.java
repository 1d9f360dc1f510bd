package io.cioconnect.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestPostgres;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stopped and started again under a running service with calls in flight (docs/testing.md). Needs the
 * embedded test PostgreSQL, the only one a test can stop; on another it fails and says so.
 */
@Tag("faults")
class DatabaseRestartUnderLoadIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int CONNECTIONS = 20;
    /**
     * The pool gives up on a connection after 3 s, and the service answers within about that (its request log
     * shows 3-5 s during the outage). The rest is slack for a busy 2-core machine that runs the service, the
     * load and PostgreSQL's restart at once; a hang would take the client's 20 s or the lock wait's 30 s.
     */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @Test
    void answersRetryableUnavailableDuringTheOutageAndRecoversEverythingWithoutARestart() throws Exception {
        TestPostgres database = POSTGRES.server();
        assertThat(database.canRestart()).as("this test stops PostgreSQL, which only the embedded one allows; "
                + "unset TEST_DATABASE_URL to use it").isTrue();
        try (ScriptedProvider provider = ScriptedProvider.start("acme");
                RunningService service = RunningService.start(Mode.SERVE, POSTGRES.database(),
                        withProviders(provider))) {
            HostApi api = service.api;
            Map<String, String> tokens = new HashMap<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String id = ScriptedFlows.connect(api, provider.id(), "owner-" + i);
                tokens.put(id, accessToken(api, id).json().get("access_token").asText());
            }

            ApiLoad load = ApiLoad.start(api, tokens, 4, 50_000, Duration.ofMinutes(2), FAIL_FAST);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> load.served() >= 100);
                database.stop();
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.unavailable() >= 8);
                    await().atMost(Duration.ofSeconds(10)).until(() -> ready(service) == 503);
                    HostApi.Answer refused = api.call("POST", "/api/v1/connect-sessions", "{\"owner\":\"during\","
                            + "\"provider\":\"acme\",\"return_to\":\"" + RunningService.RETURN_TO + "\"}");
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.json().get("code").asText()).isEqualTo("service_unavailable");
                    assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
                } finally {
                    database.start();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> ready(service) == 200);
                int servedBefore = load.served();
                await().atMost(Duration.ofSeconds(30)).until(() -> load.served() >= servedBefore + 100);
            } finally {
                load.close();
            }

            assertThat(load.violations()).isEmpty();
            System.out.println("database restart under load: " + load.served() + " served, " + load.unavailable()
                    + " answered 503, slowest call " + load.slowest().toMillis() + " ms");
            for (Map.Entry<String, String> connection : tokens.entrySet()) {
                assertThat(accessToken(api, connection.getKey()).json().get("access_token").asText())
                        .isEqualTo(connection.getValue());
                assertThat(api.call("GET", "/api/v1/connections/" + connection.getKey(), null).json()
                        .get("status").asText()).isEqualTo("active");
            }
            assertThat(ScriptedFlows.connect(api, provider.id(), "after-the-outage")).isNotNull();
        }
    }

    private static Map<String, String> withProviders(ScriptedProvider provider) {
        Map<String, String> env = new HashMap<>(provider.environment());
        env.put("PROVIDERS", provider.id());
        return env;
    }

    private static HostApi.Answer accessToken(HostApi api, String id) throws Exception {
        HostApi.Answer answer = api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer;
    }

    private static int ready(RunningService service) throws Exception {
        return new Browser().get(service.baseUrl.resolve("/health/ready")).statusCode();
    }
}
