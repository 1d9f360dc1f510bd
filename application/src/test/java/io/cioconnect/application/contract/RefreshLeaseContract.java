package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static io.cioconnect.application.Fixtures.tokens;
import static io.cioconnect.application.contract.LeasedWrites.leaseOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of refresh leases: a claim fenced by the row's version, one live holder at a time, takeover
 * of an ended lease, and a write that succeeds only while the lease is still the holder's (compare-and-set).
 */
public abstract class RefreshLeaseContract extends ConnectionStoreContract {

    private static final Instant LATER = NOW.plusSeconds(30);

    private LeaseClaim.Claimed claim(Connection current, Instant now) {
        LeaseClaim claim = store.claimRefresh(leaseOn(current, now), now);
        assertThat(claim).isInstanceOf(LeaseClaim.Claimed.class);
        return (LeaseClaim.Claimed) claim;
    }

    private Connection refreshedBy(LeaseClaim.Claimed claimed, Instant now) {
        return claimed.connection().refreshed(tokens(now, Duration.ofHours(1)), now);
    }

    @Test
    void claimsALeaseOnTheVersionItSawAndHandsBackTheStoredConnection() {
        Connection stored = store.saveConnected(connection("alice", NOW), NOTHING_TO_REVOKE);
        RefreshLease wanted = leaseOn(stored, NOW);

        LeaseClaim claim = store.claimRefresh(wanted, NOW);

        assertThat(claim).isEqualTo(new LeaseClaim.Claimed(stored, wanted));
        assertThat(store.findById(stored.id())).contains(stored);
    }

    @Test
    void aSecondClaimerFindsTheLeaseBusyUntilItEndsThenTakesItOver() {
        Connection stored = store.saveConnected(connection("bob", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed first = claim(stored, NOW);

        assertThat(store.claimRefresh(leaseOn(stored, LATER), LATER))
                .isEqualTo(new LeaseClaim.Busy(first.lease().until()));
        Instant ended = first.lease().until();
        LeaseClaim.Claimed takeover = claim(stored, ended);

        assertThat(takeover.connection()).isEqualTo(stored);
        assertThat(takeover.lease().holder()).isNotEqualTo(first.lease().holder());
    }

    @Test
    void completingWritesTheResultBumpsTheVersionAndEndsTheLease() {
        Connection stored = store.saveConnected(connection("carol", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);
        Connection refreshed = refreshedBy(claimed, LATER);

        Connection saved = store.completeRefresh(claimed.lease(), refreshed).orElseThrow();

        assertThat(saved).isEqualTo(refreshed.withVersion(stored.version() + 1));
        assertThat(store.findById(stored.id())).contains(saved);
        assertThat(claim(saved, LATER).connection()).isEqualTo(saved);
    }

    @Test
    void aClaimOnAnOlderVersionFindsTheRowChangedAndTakesNothing() {
        Connection stored = store.saveConnected(connection("dave", NOW), NOTHING_TO_REVOKE);
        Connection written = LeasedWrites.write(store, stored.id(), NOW,
                current -> current.refreshFailed("HTTP 503", NOW, LATER));

        assertThat(store.claimRefresh(leaseOn(stored, NOW), NOW)).isEqualTo(new LeaseClaim.Changed(written));
        assertThat(claim(written, NOW).connection()).isEqualTo(written);
    }

    @Test
    void aLostCompareAndSetNeverOverwritesNewerTokens() {
        Connection stored = store.saveConnected(connection("erin", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed slow = claim(stored, NOW);
        LeaseClaim.Claimed takeover = claim(stored, slow.lease().until());
        Connection newer = store.completeRefresh(takeover.lease(), refreshedBy(takeover, LATER)).orElseThrow();

        assertThat(store.completeRefresh(slow.lease(), refreshedBy(slow, LATER))).isEmpty();

        assertThat(store.findById(stored.id())).contains(newer);
    }

    @Test
    void aHolderWhoseLeaseEndedStillWritesWhenNobodyTookOver() {
        Connection stored = store.saveConnected(connection("frank", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);

        assertThat(store.completeRefresh(claimed.lease(), refreshedBy(claimed, claimed.lease().until().plusSeconds(60))))
                .isPresent();
    }

    @Test
    void aReconnectEndsTheLeaseAndFencesOffTheHoldersWrite() {
        Connection stored = store.saveConnected(connection("grace", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);
        Connection reconnected = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("grace"), stored.provider(), tokens(LATER, Duration.ofHours(2)), LATER), NOTHING_TO_REVOKE);

        assertThat(store.completeRefresh(claimed.lease(), refreshedBy(claimed, LATER))).isEmpty();

        assertThat(store.findById(stored.id())).contains(reconnected);
        assertThat(claim(reconnected, LATER).connection()).isEqualTo(reconnected);
    }

    @Test
    void releasingTheLeaseLetsTheNextClaimerInAtOnceButOnlyTheHolderCanRelease() {
        Connection stored = store.saveConnected(connection("heidi", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);

        store.releaseRefresh(leaseOn(stored, NOW));
        assertThat(store.claimRefresh(leaseOn(stored, NOW), NOW)).isInstanceOf(LeaseClaim.Busy.class);
        store.releaseRefresh(claimed.lease());

        assertThat(claim(stored, NOW).connection()).isEqualTo(stored);
        assertThat(store.completeRefresh(claimed.lease(), refreshedBy(claimed, NOW))).isEmpty();
    }

    @Test
    void aDeletedConnectionIsGoneForClaimsAndItsHoldersWriteIsLost() {
        Connection stored = store.saveConnected(connection("ivan", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);
        store.delete(stored.id(), connection -> Optional.empty());

        assertThat(store.completeRefresh(claimed.lease(), refreshedBy(claimed, LATER))).isEmpty();
        assertThat(store.claimRefresh(leaseOn(stored, LATER), LATER)).isEqualTo(new LeaseClaim.Gone());
        assertThat(store.findById(stored.id())).isEmpty();
    }

    @Test
    void writesOnlyTheLeasedConnectionUnderItsLease() {
        Connection stored = store.saveConnected(connection("judy", NOW), NOTHING_TO_REVOKE);
        Connection other = store.saveConnected(connection("kate", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed claimed = claim(stored, NOW);

        assertThatThrownBy(() -> store.completeRefresh(claimed.lease(), other))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findById(other.id())).contains(other);
    }
}
