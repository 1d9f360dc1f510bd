package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code access-token} on several service instances sharing one database: one refresh at the provider. */
class AccessTokenAcrossInstancesIT extends MultiInstanceTest {

    /** Inside the 60-second refresh skew of a token issued for an hour. */
    private static final Duration DUE = FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30);

    private List<ServiceInstance> instances(int count, OAuthProvider sharedProvider) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(ServiceInstance.on(pools.get(i).connections(), sharedProvider, clock));
        }
        return instances;
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void twoHundredConcurrentCallsSpreadOverInstancesCauseExactlyOneRefresh(int count) throws Exception {
        List<ServiceInstance> instances = instances(count, provider);
        Connection due = pools.get(0).connections().saveConnected(connection("alice", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(DUE);
        provider.refreshLatency = Duration.ofMillis(200);

        List<String> tokens = Concurrently.run(200, i -> () -> instances.get(i % count).accessToken(due.id(), false));

        assertThat(provider.refreshedTokens).containsExactly(due.tokens().refreshToken());
        assertThat(tokens).hasSize(200).containsOnly("access-1");
        Connection stored = pools.get(count - 1).connections().findById(due.id()).orElseThrow();
        assertThat(stored.tokens().refreshToken().value()).isEqualTo("refresh-1");
        assertThat(stored.version()).isEqualTo(due.version() + 1);
        assertThat(instances.stream().mapToInt(instance -> instance.metrics().count(Outcome.REFRESHED)).sum())
                .isEqualTo(1);
    }

    @Test
    void anInstanceThatWaitedWhileAnotherRotatedTheRefreshTokenUsesTheNewTokensInsteadOfFailing() throws Exception {
        RotatingProvider rotating = new RotatingProvider(provider);
        List<ServiceInstance> instances = instances(2, rotating);
        Connection due = pools.get(0).connections().saveConnected(connection("bob", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(DUE);
        rotating.closeGate();

        Future<String> first = threads.submit(() -> instances.get(0).accessToken(due.id(), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> rotating.arrived() == 1);
        // The second instance read the row before the rotation and insists on a new token: it must wait for
        // the lease holder's result instead of sending the refresh token the holder is spending.
        Future<String> second = threads.submit(() -> instances.get(1).accessToken(due.id(), true));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
        assertThat(POSTGRES.database().sessionsHoldingATransactionOrWaitingForALock())
                .as("nothing of the database is held meanwhile").isZero();
        rotating.openGate();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(rotating.arrived()).isEqualTo(1);
        assertThat(rotating.invalidGrants()).isZero();
        assertThat(instances.get(1).metrics().count(Outcome.REUSED)).isEqualTo(1);
        Connection stored = pools.get(1).connections().findById(due.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored.tokens().refreshToken().value()).isEqualTo("refresh-1");
    }
}
