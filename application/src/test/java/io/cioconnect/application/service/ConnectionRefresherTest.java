package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a refresher decides once it holds the lock, given what it saw before taking it. */
class ConnectionRefresherTest {

    private final TestCore core = TestCore.create();
    private final ConnectionRefresher refresher = new ConnectionRefresher(core.connections, core.providers,
            new TestRandom(), core.clock, core.settings, core.refreshSettings, core.refreshMetrics);
    private final ConnectionId id = core.connect("alice");

    private Connection stored() {
        return core.connections.findById(id).orElseThrow();
    }

    private ConnectionRefresher.Settled refresh(Connection seen, boolean force) {
        return refresher.refresh(RefreshAttempt.onDemand(seen, core.settings.refreshSkew(), force));
    }

    /** What another instance leaves behind when its refresh fails. */
    private Connection failedElsewhere(Connection seen) {
        return core.connections.withRefreshLock(id, Duration.ofSeconds(1), locked -> locked.save(
                seen.refreshFailed("refresh failed 1 time in a row: HTTP 503", core.clock.instant(),
                        core.clock.instant().plusSeconds(30))));
    }

    @Test
    void reusesARefreshAnotherWorkerMadeWhileThisOneWaited() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30));
        Connection seen = stored();
        refresh(seen, false);

        ConnectionRefresher.Settled late = refresh(seen, true);

        assertThat(late.counted()).isEqualTo(Outcome.REUSED);
        assertThat(late.outcome()).isEqualTo(new RefreshOutcome.Fresh(stored()));
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void reusesAFailedAttemptAnotherWorkerMadeInsteadOfAskingTheProviderAgain() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        Connection seen = stored();
        failedElsewhere(seen);

        ConnectionRefresher.Settled late = refresh(seen, false);

        assertThat(late.counted()).isEqualTo(Outcome.REUSED);
        assertThat(late.outcome()).isInstanceOf(RefreshOutcome.Unavailable.class);
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void asksTheProviderWhenNothingChangedSinceItLooked() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        Connection failed = failedElsewhere(stored());

        ConnectionRefresher.Settled settled = refresh(failed, false);

        assertThat(settled.counted()).isEqualTo(Outcome.REFRESHED);
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void refreshesAForcedTokenThatNobodyElseRefreshed() {
        ConnectionRefresher.Settled settled = refresh(stored(), true);

        assertThat(settled.counted()).isEqualTo(Outcome.REFRESHED);
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.REFRESHED)).isEqualTo(1);
    }

    @Test
    void leavesATokenThatNoLongerNeedsItAlone() {
        ConnectionRefresher.Settled settled = refresh(stored(), false);

        assertThat(settled.counted()).isEqualTo(Outcome.NOT_NEEDED);
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void countsADeletedConnectionAsGone() {
        Connection seen = stored();
        core.disconnect.disconnect(id);

        assertThat(refresh(seen, true).counted()).isEqualTo(Outcome.GONE);
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.GONE)).isEqualTo(1);
    }
}
