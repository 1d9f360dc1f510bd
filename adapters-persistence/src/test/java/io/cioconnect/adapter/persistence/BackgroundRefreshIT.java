package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.Fixtures;
import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase.RefreshSweep;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.RefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The background refresher on three instances sharing one database. */
class BackgroundRefreshIT extends MultiInstanceTest {

    /** Four minutes before expiry: inside the 5-minute refresh window, outside the 60-second skew. */
    private static final Duration IN_THE_WINDOW = FakeOAuthProvider.TOKEN_LIFETIME.minusMinutes(4);

    private List<ServiceInstance> instances(OAuthProvider sharedProvider) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(ServiceInstance.on(pools.get(i).connections(), sharedProvider, clock));
        }
        return instances;
    }

    /** Connects {@code count} owners, eight at a time through the three pools. */
    private List<Connection> connect(int count) throws Exception {
        int writers = 8;
        List<List<Connection>> written = Concurrently.run(writers, w -> () -> {
            List<Connection> mine = new ArrayList<>();
            for (int i = w; i < count; i += writers) {
                mine.add(pools.get(i % 3).connections().saveConnected(connection("owner-" + i, clock.instant()), NOTHING_TO_REVOKE));
            }
            return mine;
        });
        return written.stream().flatMap(List::stream).toList();
    }

    private static RefreshSweep sweep(ServiceInstance instance) {
        return instance.refreshDue().refreshDue(Fixtures.CUSTOMERIO);
    }

    private static Set<RefreshToken> refreshTokensOf(List<Connection> connections) {
        return connections.stream().map(c -> c.tokens().refreshToken()).collect(Collectors.toSet());
    }

    @Test
    void aThousandDueConnectionsWithThreeRefreshersAreEachRefreshedExactlyOnce() throws Exception {
        List<ServiceInstance> instances = instances(provider);
        List<Connection> connections = connect(1000);
        clock.advance(IN_THE_WINDOW);

        List<RefreshSweep> sweeps = Concurrently.run(3, i -> () -> sweep(instances.get(i)));

        assertThat(provider.refreshedTokens).hasSize(1000).doesNotHaveDuplicates();
        assertThat(Set.copyOf(provider.refreshedTokens)).isEqualTo(refreshTokensOf(connections));
        assertThat(sweeps).allSatisfy(sweep -> assertThat(sweep.claimed()).isPositive());
        assertThat(sweeps.stream().mapToInt(RefreshSweep::claimed).sum()).isEqualTo(1000);
        assertThat(sweeps.stream().mapToInt(RefreshSweep::refreshed).sum()).isEqualTo(1000);
        assertThat(RawRows.strings(POSTGRES.database(),
                "SELECT count(*) FROM connections WHERE version = 1 AND last_refreshed_at IS NOT NULL"))
                .containsExactly("1000");
        assertThat(sweep(instances.get(0))).isEqualTo(RefreshSweep.nothing());
    }

    @Test
    void refreshersAndAccessTokenCallsTogetherNeverTakeARotationForALostGrant() throws Exception {
        RotatingProvider rotating = new RotatingProvider(provider);
        List<ServiceInstance> instances = instances(rotating);
        List<Connection> connections = connect(100);
        clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30)); // due for both paths

        Concurrently.run(153, i -> () -> i < 3
                ? sweep(instances.get(i))
                : instances.get(i % 3).accessToken(connections.get(i % 100).id(), false));

        assertThat(rotating.invalidGrants()).isZero();
        assertThat(provider.refreshedTokens).hasSize(100).doesNotHaveDuplicates();
        assertThat(Set.copyOf(provider.refreshedTokens)).isEqualTo(refreshTokensOf(connections));
        assertThat(RawRows.strings(POSTGRES.database(), "SELECT DISTINCT status FROM connections"))
                .containsExactly("active");
    }

    @Test
    void aProviderThatTimesOutLeavesTheStatusAloneAndTheConnectionBacksOffVisibly() {
        List<ServiceInstance> instances = instances(provider);
        Connection due = pools.get(0).connections().saveConnected(connection("carol", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(IN_THE_WINDOW);
        provider.refreshResults.add(new TokenResult.Failed(
                ProviderFailure.of(Kind.UNAVAILABLE, "no answer within the 10 s request timeout")));

        assertThat(sweep(instances.get(0))).isEqualTo(new RefreshSweep(1, 0, 1, 0, 0, 0));

        ConnectionSummary seen = instances.get(1).getConnection().get(due.id());
        assertThat(seen.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(seen.lastError()).startsWith("refresh failed 1 time in a row, next attempt after ")
                .endsWith("no answer within the 10 s request timeout");
        Instant retryAt = pools.get(2).connections().findById(due.id()).orElseThrow().nextRefreshAt();
        assertThat(retryAt).isBetween(clock.instant().plusSeconds(15), clock.instant().plusSeconds(30));
        assertThat(seen.lastError()).contains(retryAt.toString());

        clock.advance(Duration.ofSeconds(14));
        assertThat(sweep(instances.get(1)).claimed()).isZero();
        assertThat(sweep(instances.get(2)).claimed()).isZero();

        clock.advance(Duration.between(clock.instant(), retryAt));
        assertThat(sweep(instances.get(2))).isEqualTo(new RefreshSweep(1, 1, 0, 0, 0, 0));
        assertThat(instances.get(0).getConnection().get(due.id()).lastError()).isNull();
        assertThat(provider.refreshCount()).isEqualTo(2);
    }
}
