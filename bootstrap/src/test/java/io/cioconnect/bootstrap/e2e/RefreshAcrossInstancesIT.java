package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three instances of the whole service on one database: 200 callers of one due connection, one refresh. */
class RefreshAcrossInstancesIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int CALLERS = 200;

    @Test
    void twoHundredConcurrentCallsOverThreeInstancesCauseExactlyOneRefresh() throws Exception {
        List<RunningService> instances = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (ScriptedProvider provider = ScriptedProvider.start("acme")) {
            Map<String, String> env = new HashMap<>(provider.environment());
            env.put("PROVIDERS", provider.id());
            env.put("REFRESH_INTERVAL", "1h");
            for (int i = 0; i < 3; i++) {
                instances.add(RunningService.start(Mode.SERVE, POSTGRES.database(), env));
            }
            provider.issueAccessTokensLasting(Duration.ofSeconds(55)); // inside REFRESH_SKEW: due
            String id = ScriptedFlows.connect(instances.get(0).api, provider.id(), "alice");
            String issued = provider.lastAccessToken();
            provider.issueAccessTokensLasting(Duration.ofHours(1));
            provider.answerRefreshesAfter(Duration.ofMillis(300));

            CountDownLatch start = new CountDownLatch(1);
            List<Future<HostApi.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                HostApi api = instances.get(i % 3).api;
                calls.add(callers.submit(() -> {
                    start.await();
                    return api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
                }));
            }
            start.countDown();

            List<String> tokens = new ArrayList<>();
            for (Future<HostApi.Answer> call : calls) {
                HostApi.Answer answer = call.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
                tokens.add(answer.json().get("access_token").asText());
            }
            assertThat(provider.refreshRequests()).isEqualTo(1);
            assertThat(provider.rotations()).isEqualTo(1);
            assertThat(tokens).hasSize(CALLERS).containsOnly(provider.lastAccessToken()).doesNotContain(issued);
        } finally {
            callers.shutdownNow();
            instances.forEach(RunningService::close);
        }
    }
}
