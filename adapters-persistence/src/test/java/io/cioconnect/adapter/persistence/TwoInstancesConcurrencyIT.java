package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.Flows.NOW;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static io.cioconnect.application.Fixtures.tokens;
import static io.cioconnect.application.contract.LeasedWrites.leaseOn;
import static org.assertj.core.api.Assertions.assertThat;


import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.application.Fixtures;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.State;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two service instances, each with its own pool, sharing one database. */
class TwoInstancesConcurrencyIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static PostgresPersistence first;
    private static PostgresPersistence second;

    @BeforeAll
    static void startInstances() {
        first = POSTGRES.database().migratedPersistence(TestKeys.ring());
        second = POSTGRES.database().newPersistence(TestKeys.ring());
    }

    @AfterAll
    static void stopInstances() {
        first.close();
        second.close();
    }

    @BeforeEach
    void emptyTables() {
        POSTGRES.database().truncateAllTables();
    }

    private static PostgresPersistence instance(int i) {
        return i % 2 == 0 ? first : second;
    }

    @Test
    void exactlyOneInstanceRedeemsATicket() throws Exception {
        ConnectTicket ticket = Flows.ticket();
        first.connectSessions().save(Flows.session(ticket));

        List<Boolean> won = Concurrently.run(16,
                i -> () -> instance(i).connectSessions().consume(ticket.hash(), NOW).isPresent());

        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void exactlyOneInstanceCompletesACallbackForAState() throws Exception {
        State state = Flows.state();
        second.pendingAuthorizations().save(Flows.pending(state));

        List<Boolean> won = Concurrently.run(16,
                i -> () -> instance(i).pendingAuthorizations().consume(state.hash(), NOW).isPresent());

        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void instancesConnectingTheSameOwnerAtOnceKeepOneReadableConnection() throws Exception {
        List<Connection> saved = Concurrently.run(8,
                i -> () -> instance(i).connections().saveConnected(connection("quinn", NOW), NOTHING_TO_REVOKE));

        List<Connection> stored = second.connections().list(ConnectionFilter.ofOwner(new Owner("quinn")), null, 10);
        assertThat(stored).hasSize(1);
        assertThat(saved).extracting(Connection::id).containsOnly(stored.get(0).id());
        assertThat(saved).extracting(Connection::version).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(saved).contains(stored.get(0));
    }

    @Test
    void theSecondInstanceFindsTheFirstsLeaseBusyHoldingNothingAndThenSeesItsWrite() throws Exception {
        Connection stored = first.connections().saveConnected(connection("olga", NOW), NOTHING_TO_REVOKE);
        LeaseClaim.Claimed held = (LeaseClaim.Claimed) first.connections().claimRefresh(leaseOn(stored, NOW), NOW);

        assertThat(second.connections().claimRefresh(leaseOn(stored, NOW), NOW))
                .isEqualTo(new LeaseClaim.Busy(held.lease().until()));
        assertThat(POSTGRES.database().sessionsHoldingATransactionOrWaitingForALock())
                .as("a held lease holds no transaction and no lock").isZero();
        Connection refreshed = first.connections().completeRefresh(held.lease(),
                held.connection().refreshed(tokens(NOW, Duration.ofHours(1)), NOW)).orElseThrow();

        assertThat(second.connections().claimRefresh(leaseOn(stored, NOW), NOW))
                .isEqualTo(new LeaseClaim.Changed(refreshed));
        assertThat(refreshed.version()).isEqualTo(stored.version() + 1);
    }

    @Test
    void instancesRacingForOneLeaseLetExactlyOneWinAndItAloneWrites() throws Exception {
        Connection stored = first.connections().saveConnected(connection("piet", NOW), NOTHING_TO_REVOKE);

        List<LeaseClaim> claims = Concurrently.run(16,
                i -> () -> instance(i).connections().claimRefresh(leaseOn(stored, NOW), NOW));

        List<LeaseClaim.Claimed> won = claims.stream().filter(LeaseClaim.Claimed.class::isInstance)
                .map(LeaseClaim.Claimed.class::cast).toList();
        assertThat(won).hasSize(1);
        assertThat(claims).filteredOn(LeaseClaim.Busy.class::isInstance).hasSize(15);
        List<Boolean> written = Concurrently.run(2, i -> () -> instance(i).connections().completeRefresh(
                i == 0 ? won.get(0).lease() : leaseOn(stored, NOW),
                stored.refreshed(tokens(NOW, Duration.ofHours(1)), NOW)).isPresent());
        assertThat(written).containsExactly(true, false);
    }

    @Test
    void instancesClaimingDueConnectionsTogetherNeverClaimOneTwice() throws Exception {
        int due = 60;
        for (int i = 0; i < due; i++) {
            first.connections().saveConnected(connection("due-" + i, NOW.minus(Duration.ofMinutes(58))),
                    NOTHING_TO_REVOKE);
        }
        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();

        Concurrently.run(8, i -> () -> {
            List<LeaseClaim.Claimed> batch;
            do {
                batch = instance(i).connections().claimDue(Fixtures.CUSTOMERIO, NOW, Duration.ofMinutes(5),
                        UUID.randomUUID(), NOW.plusSeconds(40), 3);
                batch.forEach(claim -> claimed.add(claim.connection().id().value()));
            } while (!batch.isEmpty());
            return null;
        });

        assertThat(claimed).hasSize(due).doesNotHaveDuplicates();
    }

    @Test
    void instancesClaimingRevocationsTogetherNeverClaimOneTwice() throws Exception {
        int queued = 60;
        for (int i = 0; i < queued; i++) {
            Connection stored = first.connections().saveConnected(connection("owner-" + i, NOW), NOTHING_TO_REVOKE);
            first.connections().delete(stored.id(), connection -> Optional.of(new PendingRevocation(UUID.randomUUID(),
                    connection.provider(), RevocableToken.bestOf(connection.tokens()), 0, NOW, null)));
        }
        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();

        Concurrently.run(8, i -> () -> {
            List<PendingRevocation> batch;
            do {
                batch = instance(i).revocations().claimDue(NOW, Duration.ofMinutes(5), 3);
                batch.forEach(revocation -> claimed.add(revocation.id()));
            } while (!batch.isEmpty());
            return null;
        });

        assertThat(claimed).hasSize(queued).doesNotHaveDuplicates();
    }
}
