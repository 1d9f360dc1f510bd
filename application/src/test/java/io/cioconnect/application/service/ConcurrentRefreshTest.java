package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetAccessTokenUseCase.Command;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many callers of one due connection cause one refresh, in one process or in several sharing a store. */
class ConcurrentRefreshTest {

    private final TestCore core = TestCore.create();
    private final ConnectionId id = core.connect("alice");

    @Test
    void aHundredSimultaneousCallersCauseExactlyOneRefresh() throws Exception {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30));
        core.provider.refreshLatency = Duration.ofMillis(200);

        Set<String> tokens = callConcurrently(100, List.of(core.getAccessToken));

        assertThat(core.provider.refreshCount()).isEqualTo(1);
        assertThat(tokens).containsExactly("access-2");
    }

    @Test
    void twoInstancesSharingTheStoreRefreshOnceAndTheSecondReusesTheFirstsResult() throws Exception {
        GetAccessTokenUseCase otherInstance = new GetAccessTokenService(core.connections, new ConnectionRefresher(
                core.connections, ChangeAnnouncer.NONE, core.providers, new TestRandom(), core.clock,
                core.refreshSettings, core.refreshMetrics),
                core.clock, core.settings);
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30));
        core.provider.refreshLatency = Duration.ofMillis(200);

        Set<String> tokens = callConcurrently(40, List.of(core.getAccessToken, otherInstance));

        assertThat(core.provider.refreshCount()).isEqualTo(1);
        assertThat(tokens).containsExactly("access-2");
    }

    private Set<String> callConcurrently(int callers, List<GetAccessTokenUseCase> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                GetAccessTokenUseCase instance = instances.get(i % instances.size());
                Callable<String> call = () -> {
                    start.await();
                    return instance.get(new Command(id, false)).accessToken().value();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : results) {
                tokens.add(result.get());
            }
            return tokens.stream().collect(Collectors.toSet());
        } finally {
            pool.shutdownNow();
        }
    }
}
