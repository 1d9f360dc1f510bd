package io.cioconnect.application.service;

import static io.cioconnect.application.contract.LeasedWrites.leaseOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.contract.LeasedWrites;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a refresher makes of the stored row and its lease, given what its caller saw before. */
class ConnectionRefresherTest {

    private static final Duration DUE = FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30);

    private final TestCore core = TestCore.create();
    private final ProviderHook provider = new ProviderHook(core.provider);
    private final ConnectionId id = core.connect("alice");
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ConnectionRefresher refresher(RefreshSettings settings) {
        return new ConnectionRefresher(core.connections, ChangeAnnouncer.NONE, provider, new TestRandom(), core.clock,
                settings,
                core.refreshMetrics);
    }

    private final ConnectionRefresher refresher = refresher(core.refreshSettings);

    private Connection stored() {
        return core.connections.findById(id).orElseThrow();
    }

    private RefreshOutcome refresh(Connection seen, boolean force) {
        return refresher.refreshOnDemand(seen, core.settings.refreshSkew(), force);
    }

    /** What another instance leaves behind when its refresh fails. */
    private Connection failedElsewhere() {
        return LeasedWrites.write(core.connections, id, core.clock.instant(), current -> current.refreshFailed(
                "refresh failed 1 time in a row: HTTP 503", core.clock.instant(), core.clock.instant().plusSeconds(30)));
    }

    /** Another worker's lease on the connection, as another instance would hold it while it refreshes. */
    private LeaseClaim.Claimed leasedElsewhere() {
        return (LeaseClaim.Claimed) core.connections.claimRefresh(leaseOn(stored(), core.clock.instant()),
                core.clock.instant());
    }

    @Test
    void reusesARefreshAnotherWorkerMadeAfterTheCallerLooked() {
        core.clock.advance(DUE);
        Connection seen = stored();
        refresh(seen, false);

        RefreshOutcome late = refresh(seen, true);

        assertThat(late).isEqualTo(new RefreshOutcome.Fresh(stored()));
        assertThat(core.refreshMetrics.count(Outcome.REUSED)).isEqualTo(1);
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void reusesAFailedAttemptAnotherWorkerMadeInsteadOfAskingTheProviderAgain() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        Connection seen = stored();
        failedElsewhere();

        assertThat(refresh(seen, false)).isInstanceOf(RefreshOutcome.Unavailable.class);
        assertThat(core.refreshMetrics.count(Outcome.REUSED)).isEqualTo(1);
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void asksTheProviderWhenNothingChangedSinceTheCallerLooked() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        Connection failed = failedElsewhere();

        assertThat(refresh(failed, false)).isEqualTo(new RefreshOutcome.Fresh(stored()));
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.REFRESHED)).isEqualTo(1);
    }

    @Test
    void leavesATokenThatNoLongerNeedsItAloneAndCountsADeletedConnectionAsGone() {
        assertThat(refresh(stored(), false)).isEqualTo(new RefreshOutcome.Fresh(stored()));
        assertThat(core.refreshMetrics.count(Outcome.NOT_NEEDED)).isEqualTo(1);
        Connection seen = stored();
        core.disconnect.disconnect(id);

        assertThat(refresh(seen, true)).isEqualTo(new RefreshOutcome.Gone());
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.GONE)).isEqualTo(1);
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void waitsForTheLeaseHoldersResultInsteadOfAskingTheProviderItself() throws Exception {
        core.clock.advance(DUE);
        Connection seen = stored();
        LeaseClaim.Claimed elsewhere = leasedElsewhere();

        Future<RefreshOutcome> waiting = threads.submit(() -> refresh(seen, false));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        Connection written = core.connections.completeRefresh(elsewhere.lease(),
                seen.refreshed(core.provider.nextTokens(), core.clock.instant())).orElseThrow();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(new RefreshOutcome.Fresh(written));
        assertThat(core.provider.refreshCount()).isZero();
        assertThat(core.refreshMetrics.count(Outcome.REUSED)).isEqualTo(1);
    }

    @Test
    void takesOverALeaseWhoseHolderDiedOnceItEnds() throws Exception {
        core.clock.advance(DUE);
        Connection seen = stored();
        LeaseClaim.Claimed dead = leasedElsewhere();

        Future<RefreshOutcome> waiting = threads.submit(() -> refresh(seen, false));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        core.clock.advance(Duration.between(core.clock.instant(), dead.lease().until()));

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(new RefreshOutcome.Fresh(stored()));
        assertThat(core.provider.refreshedTokens).containsExactly(seen.tokens().refreshToken());
        assertThat(core.connections.completeRefresh(dead.lease(), seen.refreshFailed("late", core.clock.instant(),
                core.clock.instant()))).as("the dead holder's late write").isEmpty();
    }

    @Test
    void givesUpWaitingAtTheDeadlineServingATokenThatStillWorks() {
        ConnectionRefresher impatient = refresher(core.refreshSettings.withWaitLimit(Duration.ofMillis(200)));
        core.clock.advance(DUE);
        Connection seen = stored();
        leasedElsewhere();

        RefreshOutcome outcome = impatient.refreshOnDemand(seen, core.settings.refreshSkew(), false);

        assertThat(outcome).isInstanceOfSatisfying(RefreshOutcome.StillValid.class,
                valid -> assertThat(valid.connection()).isEqualTo(seen));
        assertThat(core.refreshMetrics.count(Outcome.WAIT_TIMEOUT)).isEqualTo(1);
        core.clock.advance(Duration.ofSeconds(30));
        assertThat(impatient.refreshOnDemand(stored(), core.settings.refreshSkew(), false))
                .isInstanceOfSatisfying(RefreshOutcome.Unavailable.class, unavailable ->
                        assertThat(unavailable.failure().retryAfter()).isEqualTo(OnDemandRefresh.RETRY_AFTER));
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void aLostCompareAndSetLeavesTheNewerTokensAndHandsThemOut() {
        core.clock.advance(DUE);
        Connection seen = stored();
        provider.duringRefresh = () -> {
            // This worker's lease ends while the provider is slow; another worker takes over and stores first.
            core.clock.advance(core.refreshSettings.leaseFor(core.provider.refreshTimeLimit()));
            LeasedWrites.write(core.connections, id, core.clock.instant(),
                    current -> current.refreshed(core.provider.nextTokens(), core.clock.instant()));
        };

        RefreshOutcome outcome = refresh(seen, false);

        Connection newer = stored();
        assertThat(newer.tokens().accessToken().value()).isEqualTo("access-2");
        assertThat(outcome).isEqualTo(new RefreshOutcome.Fresh(newer));
        assertThat(core.refreshMetrics.count(Outcome.LOST)).isEqualTo(1);
        assertThat(core.refreshMetrics.count(Outcome.REFRESHED)).isZero();
    }

    @Test
    void aClaimAheadIsStartedOnlyWhileItsLeaseCoversAWholeProviderCallElseGivenBack() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusMinutes(4));
        LeaseClaim.Claimed claim = refresher.claimDue(core.provider.descriptor().id(), 10).get(0);

        assertThat(refresher.hasTimeFor(claim)).isTrue();
        core.clock.advance(core.refreshSettings.leaseMargin().plusSeconds(1));
        assertThat(refresher.hasTimeFor(claim)).as("a call started now could outlast the lease").isFalse();

        refresher.giveBack(claim);
        assertThat(refresher.claimDue(core.provider.descriptor().id(), 10)).extracting(LeaseClaim.Claimed::connection)
                .containsExactly(stored());
    }

    @Test
    void givesTheLeaseBackWhenTheProviderCallThrows() {
        core.clock.advance(DUE);
        provider.duringRefresh = () -> {
            throw new IllegalStateException("a bug in a provider adapter");
        };

        assertThatThrownBy(() -> refresh(stored(), false)).hasMessageContaining("bug");

        assertThat(core.refreshMetrics.count(Outcome.ERROR)).isEqualTo(1);
        assertThat(core.connections.claimRefresh(leaseOn(stored(), core.clock.instant()), core.clock.instant()))
                .isInstanceOf(LeaseClaim.Claimed.class);
    }
}
