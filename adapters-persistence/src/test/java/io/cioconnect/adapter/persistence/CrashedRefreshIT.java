package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static io.cioconnect.application.contract.LeasedWrites.leaseOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A refreshing worker that dies or hangs while it holds a connection's lease: nobody waits on the database
 * for it, another instance takes over once the lease ends, nothing half-written survives, and a worker that
 * comes back late never writes over what the one that took over stored.
 */
class CrashedRefreshIT extends MultiInstanceTest {

    private static final Duration DUE = FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30);

    @Test
    void aLeaseHolderKilledMidCallIsTakenOverOnceItsLeaseEndsWithExactlyOneRotation() throws Exception {
        RotatingProvider rotating = new RotatingProvider(provider);
        ServiceInstance killed = ServiceInstance.on(pools.get(0).connections(), rotating, clock);
        ServiceInstance survivor = ServiceInstance.on(pools.get(1).connections(), rotating, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("alice", clock.instant()),
                NOTHING_TO_REVOKE);
        clock.advance(DUE);
        rotating.closeGateForTheNextRefreshOnly();

        Future<String> dying = threads.submit(() -> killed.accessToken(due.id(), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> rotating.arrived() == 1);
        Future<String> takingOver = threads.submit(() -> survivor.accessToken(due.id(), false));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !takingOver.isDone());
        assertThat(POSTGRES.database().sessionsHoldingATransactionOrWaitingForALock())
                .as("nobody holds a transaction open for the provider, nor waits on the database for the holder").isZero();
        clock.advance(ServiceInstance.REFRESH.leaseFor(rotating.refreshTimeLimit()));

        assertThat(takingOver.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(provider.refreshCount()).as("successful rotations").isEqualTo(1);
        Connection stored = pools.get(2).connections().findById(due.id()).orElseThrow();
        assertThat(stored.tokens().refreshToken().value()).isEqualTo("refresh-1");
        assertThat(stored.version()).isEqualTo(due.version() + 1);

        // The holder was only hung: its spent token is refused now, and its lost lease keeps it from writing.
        rotating.openGate();
        assertThat(dying.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(rotating.invalidGrants()).isEqualTo(1);
        assertThat(killed.metrics().count(Outcome.LOST)).isEqualTo(1);
        assertThat(pools.get(0).connections().findById(due.id())).contains(stored);
    }

    @Test
    void aKilledHolderWhoseRefreshTheProviderHadRotatedEndsInReauthorizationRequiredNotInAStuckRow() throws Exception {
        RotatingProvider rotating = new RotatingProvider(provider);
        ServiceInstance survivor = ServiceInstance.on(pools.get(1).connections(), rotating, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("bob", clock.instant()),
                NOTHING_TO_REVOKE);
        clock.advance(DUE);
        LeaseClaim.Claimed dead = (LeaseClaim.Claimed) pools.get(0).connections()
                .claimRefresh(leaseOn(due, clock.instant()), clock.instant());
        // The provider answered the dying worker and rotated; the answer died with it, before its write.
        rotating.refresh(due.tokens().refreshToken(), due.tokens().scopes());
        clock.advance(Duration.between(clock.instant(), dead.lease().until()));

        assertThatThrownBy(() -> survivor.accessToken(due.id(), false)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED));

        Connection stored = pools.get(0).connections().findById(due.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(stored.lastError()).startsWith("refresh refused by the provider: invalid_grant");
        assertThat(pools.get(0).connections().claimRefresh(leaseOn(stored, clock.instant()), clock.instant()))
                .isInstanceOf(LeaseClaim.Claimed.class);
    }

    @Test
    void aHolderKilledDuringItsWriteLeavesNothingHalfWrittenAndIsTakenOverAfterItsLease() throws Exception {
        ServiceInstance survivor = ServiceInstance.on(pools.get(1).connections(), provider, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("carol", clock.instant()),
                NOTHING_TO_REVOKE);
        clock.advance(DUE);
        LeaseClaim.Claimed dead = (LeaseClaim.Claimed) pools.get(0).connections()
                .claimRefresh(leaseOn(due, clock.instant()), clock.instant());

        Future<String> waiting;
        try (DyingWrite crashed = DyingWrite.halfWrite(due)) {
            waiting = threads.submit(() -> survivor.accessToken(due.id(), false));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
            assertThat(POSTGRES.database().sessionsWaitingForALock())
                    .as("the waiter looks again later; it never queues on the row").isZero();
            pools.terminateBackend(crashed.pid());
        }
        clock.advance(Duration.between(clock.instant(), dead.lease().until()));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(provider.refreshedTokens).containsExactly(due.tokens().refreshToken());
        Connection stored = pools.get(0).connections().findById(due.id()).orElseThrow();
        assertThat(stored.lastError()).isNull();
        assertThat(stored.refreshFailures()).isZero();
        assertThat(stored.version()).isEqualTo(due.version() + 1);
        assertThat(stored.tokens().refreshToken().value()).isEqualTo("refresh-1");
    }

    @Test
    void aCallerGivesUpWaitingForAHungHolderAtItsDeadlineAndIsServedTheTokenThatStillWorks() throws Exception {
        ServiceInstance impatient = ServiceInstance.on(pools.get(1).connections(), provider, clock,
                ServiceInstance.REFRESH.withWaitLimit(Duration.ofMillis(500)));
        Connection due = pools.get(0).connections().saveConnected(connection("dave", clock.instant()),
                NOTHING_TO_REVOKE);
        clock.advance(DUE);
        pools.get(0).connections().claimRefresh(leaseOn(due, clock.instant()), clock.instant());

        assertThat(impatient.accessToken(due.id(), false)).isEqualTo(due.tokens().accessToken().value());
        assertThat(impatient.metrics().count(Outcome.WAIT_TIMEOUT)).isEqualTo(1);
        assertThat(provider.refreshCount()).isZero();
    }

    /** A worker in the middle of its write: its transaction has half-written the row and holds its lock. */
    private record DyingWrite(java.sql.Connection connection, int pid) implements AutoCloseable {

        static DyingWrite halfWrite(Connection target) throws Exception {
            java.sql.Connection connection = POSTGRES.database().openConnection();
            connection.setAutoCommit(false);
            int pid;
            try (PreparedStatement backend = connection.prepareStatement("SELECT pg_backend_pid()");
                    ResultSet result = backend.executeQuery()) {
                result.next();
                pid = result.getInt(1);
            }
            try (PreparedStatement halfWrite = connection.prepareStatement("UPDATE connections SET last_error = "
                    + "'half-written', version = version + 1, refresh_failures = 7 WHERE id = ?")) {
                halfWrite.setObject(1, target.id().value());
                halfWrite.executeUpdate();
            }
            return new DyingWrite(connection, pid);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (java.sql.SQLException e) {
                // Its backend is gone: there is nothing left to close.
            }
        }
    }
}
