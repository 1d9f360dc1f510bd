package io.cioconnect.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bulkhead, end to end: a provider whose token endpoint hangs while 30 of its connections are due,
 * with the database pool at its default 10. The refreshes wait on the provider holding nothing of the
 * database, at most 16 of them at once (the rest answered at once); access-token for valid tokens, the
 * other provider and {@code /health/ready} go on as if nothing happened.
 */
@Tag("faults")
class HangingProviderIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int DUE = 30;
    private static final int BULKHEAD = 16;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(DUE);

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void aHangingProviderSlowsOnlyTheRefreshesThatNeedIt() throws Exception {
        try (ScriptedProvider hanging = ScriptedProvider.start("hanging");
                ScriptedProvider healthy = ScriptedProvider.start("healthy");
                RunningService service = RunningService.start(Mode.SERVE, POSTGRES.database(),
                        environment(hanging, healthy))) {
            HostApi api = service.api;
            hanging.issueAccessTokensLasting(Duration.ofSeconds(55)); // inside REFRESH_SKEW: due, still valid
            List<String> due = connect(api, hanging, "due-", DUE);
            healthy.issueAccessTokensLasting(Duration.ofSeconds(55));
            String healthyDue = ScriptedFlows.connect(api, healthy.id(), "healthy-due");
            hanging.issueAccessTokensLasting(Duration.ofHours(1));
            List<String> valid = connect(api, hanging, "valid-", 10);
            hanging.script(request -> request.isRefresh() ? heldUntilReleased() : null);

            List<Future<HostApi.Answer>> refreshing = new ArrayList<>();
            for (String id : due) {
                refreshing.add(callers.submit(() -> accessToken(api, id)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> hanging.refreshRequests() == BULKHEAD
                    && refreshing.stream().filter(Future::isDone).count() == DUE - BULKHEAD);

            assertThat(POSTGRES.database().sessionsHoldingATransactionOrWaitingForALock())
                    .as("nothing of the database is held while the provider hangs").isZero();
            for (int round = 0; round < 5; round++) {
                for (String id : valid) {
                    HostApi.Answer answer = accessToken(api, id);
                    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
                }
            }
            assertThat(api.call("GET", "/health/ready", null).status()).isEqualTo(200);
            HostApi.Answer other = accessToken(api, healthyDue);
            assertThat(other.status()).as(other.raw().body()).isEqualTo(200);
            assertThat(other.json().get("access_token").asText()).isEqualTo(healthy.lastAccessToken());
            assertThat(healthy.rotations()).as("the other provider refreshed its due token").isEqualTo(1);
            assertThat(hanging.refreshRequests()).as("the bulkhead holds the rest back").isEqualTo(BULKHEAD);

            release.countDown();
            for (Future<HostApi.Answer> call : refreshing) {
                HostApi.Answer answer = call.get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).as("a due token that still works is served: " + answer.raw().body())
                        .isEqualTo(200);
            }
            assertThat(hanging.refreshRequests()).isEqualTo(BULKHEAD);
        }
    }

    private MockResponse heldUntilReleased() throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(503).build();
    }

    private static List<String> connect(HostApi api, ScriptedProvider provider, String prefix, int count)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ScriptedFlows.connect(api, provider.id(), prefix + i));
        }
        return ids;
    }

    private static HostApi.Answer accessToken(HostApi api, String id) throws Exception {
        return api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
    }

    private static Map<String, String> environment(ScriptedProvider hanging, ScriptedProvider healthy) {
        Map<String, String> env = new HashMap<>(hanging.environment());
        env.putAll(healthy.environment());
        env.put("PROVIDERS", hanging.id() + "," + healthy.id());
        // The held requests must outlast the test's checks on a busy machine; only the test releases them.
        env.put("HANGING_REQUEST_TIMEOUT", "60s");
        // Only the calls of the test refresh: no background sweep in between.
        env.put("REFRESH_INTERVAL", "1h");
        return env;
    }
}
