package io.cioconnect.application.service;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.Fixtures;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.contract.LeasedWrites;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase.RefreshSweep;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshDueConnectionsServiceTest {

    /** Four minutes before expiry: inside the 5-minute window, outside the 60-second skew. */
    private static final Duration IN_THE_WINDOW = FakeOAuthProvider.TOKEN_LIFETIME.minusMinutes(4);

    private final TestCore core = TestCore.create();

    private Connection stored(ConnectionId id) {
        return core.connections.findById(id).orElseThrow();
    }

    private RefreshSweep sweep() {
        return core.refreshDueConnections.refreshDue(Fixtures.CUSTOMERIO);
    }

    private static TokenResult unavailable() {
        return new TokenResult.Failed(ProviderFailure.of(Kind.UNAVAILABLE, "HTTP 503"));
    }

    @Test
    void refreshesTheConnectionsDueWithinTheWindowAndNoOthers() {
        ConnectionId early = core.connect("alice");
        core.clock.advance(Duration.ofMinutes(10));
        ConnectionId late = core.connect("bob");
        core.clock.advance(IN_THE_WINDOW.minusMinutes(10));

        RefreshSweep sweep = sweep();

        assertThat(sweep).isEqualTo(new RefreshSweep(1, 1, 0, 0, 0, 0));
        assertThat(stored(early).lastRefreshedAt()).isEqualTo(core.clock.instant());
        assertThat(stored(late).lastRefreshedAt()).isNull();
        assertThat(core.refreshMetrics.count(Trigger.BACKGROUND, Outcome.REFRESHED)).isEqualTo(1);
        assertThat(sweep()).isEqualTo(RefreshSweep.nothing());
    }

    @Test
    void drainsEverythingDueInOneSweepClaimingAsPlacesFreeUp() {
        RefreshDueConnectionsUseCase refresher = sweeper(core.providers, core.refreshSettings.withConcurrency(2));
        for (int i = 0; i < 5; i++) {
            core.connect("owner-" + i);
        }
        core.clock.advance(IN_THE_WINDOW);

        assertThat(refresher.refreshDue(Fixtures.CUSTOMERIO)).isEqualTo(new RefreshSweep(5, 5, 0, 0, 0, 0));
        assertThat(core.provider.refreshCount()).isEqualTo(5);
    }

    @Test
    void refreshesAsManyConnectionsAtOnceAsTheConcurrencyAllowsAndNoMore() {
        for (int i = 0; i < 40; i++) {
            core.connect("owner-" + i);
        }
        core.clock.advance(IN_THE_WINDOW);
        core.provider.refreshLatency = Duration.ofMillis(20);
        int concurrency = 8;
        ConcurrencyProbe probe = new ConcurrencyProbe(core.provider, concurrency);

        RefreshDueConnectionsUseCase sweeper = sweeper(probe, core.refreshSettings.withConcurrency(concurrency));
        assertThat(sweeper.refreshDue(Fixtures.CUSTOMERIO).refreshed()).isEqualTo(40);
        assertThat(probe.mostAtOnce()).isEqualTo(concurrency);
    }

    @Test
    void leavesAConnectionWhoseLeaseAnAccessTokenCallerHoldsToThatCaller() {
        ConnectionId held = core.connect("held");
        ConnectionId free = core.connect("free");
        core.clock.advance(IN_THE_WINDOW);
        LeaseClaim claim = core.connections.claimRefresh(LeasedWrites.leaseOn(stored(held), core.clock.instant()),
                core.clock.instant());

        assertThat(sweep()).isEqualTo(new RefreshSweep(1, 1, 0, 0, 0, 0));
        assertThat(stored(free).lastRefreshedAt()).isEqualTo(core.clock.instant());
        assertThat(stored(held).lastRefreshedAt()).isNull();
        core.connections.releaseRefresh(((LeaseClaim.Claimed) claim).lease());
        assertThat(sweep()).isEqualTo(new RefreshSweep(1, 1, 0, 0, 0, 0));
    }

    @Test
    void aFailingProviderLeavesTheStatusAloneAndTheConnectionBacksOffThenIsTriedAgain() {
        ConnectionId id = core.connect("carol");
        core.clock.advance(IN_THE_WINDOW);
        core.provider.refreshResults.add(unavailable());

        assertThat(sweep()).isEqualTo(new RefreshSweep(1, 0, 1, 0, 0, 0));

        Connection failed = stored(id);
        assertThat(failed.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(failed.lastError()).contains("refresh failed 1 time in a row").contains("HTTP 503");
        core.clock.advance(Duration.ofSeconds(14));
        assertThat(sweep().claimed()).isZero();
        core.clock.advance(Duration.between(core.clock.instant(), failed.nextRefreshAt()));
        assertThat(sweep()).isEqualTo(new RefreshSweep(1, 1, 0, 0, 0, 0));
        assertThat(stored(id).lastError()).isNull();
        assertThat(core.provider.refreshCount()).isEqualTo(2);
    }

    @Test
    void keepsTryingAConnectionThatKeepsFailingAtMostOnceEveryCap() {
        ConnectionId id = core.connect("dave");
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        for (int attempt = 1; attempt <= 12; attempt++) {
            core.provider.refreshResults.add(unavailable());
            assertThat(sweep().failed()).isEqualTo(1);
            Connection failed = stored(id);
            assertThat(failed.refreshFailures()).isEqualTo(attempt);
            assertThat(Duration.between(core.clock.instant(), failed.nextRefreshAt()))
                    .isLessThanOrEqualTo(core.refreshSettings.backoff().cap());
            core.clock.advance(Duration.between(core.clock.instant(), failed.nextRefreshAt()));
        }
        assertThat(stored(id).lastError()).startsWith("refresh failed 12 times in a row");
        assertThat(core.refreshMetrics.count(Trigger.BACKGROUND, Outcome.FAILED)).isEqualTo(12);
    }

    @Test
    void countsAGrantTheProviderRefusesAsReauthorizationRequired() {
        ConnectionId id = core.connect("erin");
        core.clock.advance(IN_THE_WINDOW);
        core.provider.refreshResults.add(new TokenResult.Failed(ProviderFailure.of(Kind.INVALID_GRANT, "invalid_grant")));

        assertThat(sweep()).isEqualTo(new RefreshSweep(1, 0, 0, 1, 0, 0));
        assertThat(stored(id).status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void neverAsksForACredentialWithoutExpiryHoweverOftenItSweeps() {
        core.connections.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner("frank"),
                new ProviderId("customerio"), new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null,
                        Scopes.none()), core.clock.instant()), NOTHING_TO_REVOKE);
        for (int i = 0; i < 5; i++) {
            core.clock.advance(Duration.ofDays(100));
            assertThat(sweep()).isEqualTo(RefreshSweep.nothing());
        }
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void aTokenShorterLivedThanTheWindowIsRefreshedEveryHalfLifeNotInALoop() {
        core.connect("grace");
        core.clock.advance(IN_THE_WINDOW);
        core.provider.refreshResults.add(new TokenResult.Issued(new TokenSet(new AccessToken("short"), null,
                TokenType.BEARER, core.clock.instant().plus(Duration.ofMinutes(2)), Scopes.none())));

        assertThat(sweep().refreshed()).isEqualTo(1);
        assertThat(sweep().claimed()).isZero();
        core.clock.advance(Duration.ofMinutes(1));
        assertThat(sweep().refreshed()).isEqualTo(1);
        assertThat(core.provider.refreshCount()).isEqualTo(2);
    }

    @Test
    void hasNothingToRefreshForAProviderConnectedWithKeysOrNotEnabled() {
        core.connect("ivan");
        core.clock.advance(IN_THE_WINDOW);

        assertThat(core.refreshDueConnections.refreshDue(new ProviderId("customerio-app-api")))
                .isEqualTo(RefreshSweep.nothing());
        assertThat(core.refreshDueConnections.refreshDue(new ProviderId("not-enabled"))).isEqualTo(RefreshSweep.nothing());
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void aStoreThatCannotClaimIsCountedNotThrown() {
        ConnectionRefresher refresher = new ConnectionRefresher(new UnavailableConnectionStore(),
                ChangeAnnouncer.NONE, core.providers,
                new TestRandom(), core.clock, core.refreshSettings, core.refreshMetrics);

        assertThat(new RefreshDueConnectionsService(refresher, core.providers).refreshDue(Fixtures.CUSTOMERIO))
                .isEqualTo(new RefreshSweep(0, 0, 0, 0, 0, 1));
    }

    private RefreshDueConnectionsUseCase sweeper(ProviderRegistry providers, RefreshSettings settings) {
        ConnectionRefresher refresher = new ConnectionRefresher(core.connections, ChangeAnnouncer.NONE, providers,
                new TestRandom(),
                core.clock, settings, core.refreshMetrics);
        return new RefreshDueConnectionsService(refresher, providers);
    }
}
