package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.port.out.StoreUnavailableException;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A refreshing process that dies or hangs while it holds a connection's lock: the lock never stays stuck,
 * nothing half-written survives, and another instance carries on from what was committed.
 */
class CrashedRefreshIT extends MultiInstanceTest {

    private static final Duration DUE = FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30);

    @Test
    void aKilledLockHolderLeavesNothingBehindAndAnotherInstanceRefreshesWithTheStoredToken() throws Exception {
        ServiceInstance survivor = ServiceInstance.on(pools.get(1).connections(), provider, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("alice", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(DUE);

        Future<String> waiting;
        try (DyingProcess crashed = DyingProcess.lockAndHalfWrite(due)) {
            waiting = threads.submit(() -> survivor.accessToken(due.id(), false));
            await().atMost(Duration.ofSeconds(10)).until(() -> pools.backendsWaitingForALock() == 1);
            assertThat(waiting).isNotDone();
            pools.terminateBackend(crashed.pid());
        }

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThat(provider.refreshedTokens).containsExactly(due.tokens().refreshToken());
        Connection stored = pools.get(0).connections().findById(due.id()).orElseThrow();
        assertThat(stored.lastError()).isNull();
        assertThat(stored.version()).isEqualTo(due.version() + 1);
        assertThat(stored.tokens().refreshToken().value()).isEqualTo("refresh-1");
    }

    @Test
    void aKilledHolderWhoseRefreshTheProviderHadRotatedEndsInReauthorizationRequiredNotInAStuckRow() throws Exception {
        RotatingProvider rotating = new RotatingProvider(provider);
        ServiceInstance survivor = ServiceInstance.on(pools.get(1).connections(), rotating, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("bob", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(DUE);

        Future<String> waiting;
        try (DyingProcess crashed = DyingProcess.lockAndHalfWrite(due)) {
            // The provider answered the dying process and rotated; the answer dies with the process.
            rotating.refresh(due.tokens().refreshToken(), due.tokens().scopes());
            waiting = threads.submit(() -> survivor.accessToken(due.id(), false));
            await().atMost(Duration.ofSeconds(10)).until(() -> pools.backendsWaitingForALock() == 1);
            pools.terminateBackend(crashed.pid());
        }

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED));
        Connection stored = pools.get(0).connections().findById(due.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(stored.lastError()).startsWith("refresh refused by the provider: invalid_grant");
        Optional<Connection> lockedAgain = pools.get(0).connections().withRefreshLock(due.id(), Duration.ofSeconds(1),
                lock -> lock.current());
        assertThat(lockedAgain).contains(stored);
    }

    @Test
    void aHungLockHolderLosesTheLockAfterTheHoldLimitAndAnotherInstanceProceeds() throws Exception {
        FakeOAuthProvider hanging = new FakeOAuthProvider(FakeOAuthProvider.CUSTOMERIO, clock);
        hanging.refreshLatency = Duration.ofSeconds(3);
        ServiceInstance hung = ServiceInstance.on(pools.get(0).connections(Duration.ofMillis(500)), hanging, clock);
        ServiceInstance healthy = ServiceInstance.on(pools.get(1).connections(), provider, clock);
        Connection due = pools.get(0).connections().saveConnected(connection("carol", clock.instant()), NOTHING_TO_REVOKE);
        clock.advance(DUE);

        Future<String> hungCall = threads.submit(() -> hung.accessToken(due.id(), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> hanging.refreshCount() == 1);
        Future<String> healthyCall = threads.submit(() -> healthy.accessToken(due.id(), false));

        assertThat(healthyCall.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
        assertThatThrownBy(() -> hungCall.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreUnavailableException.class);
        Connection stored = pools.get(1).connections().findById(due.id()).orElseThrow();
        assertThat(stored.tokens().accessToken().value()).isEqualTo("access-1");
        assertThat(stored.version()).isEqualTo(due.version() + 1);
    }

    /** A process in the middle of a refresh: it holds the row lock and has half-written the row, uncommitted. */
    private record DyingProcess(java.sql.Connection connection, int pid) implements AutoCloseable {

        static DyingProcess lockAndHalfWrite(Connection target) throws Exception {
            java.sql.Connection connection = POSTGRES.database().openConnection();
            connection.setAutoCommit(false);
            int pid;
            try (PreparedStatement backend = connection.prepareStatement("SELECT pg_backend_pid()");
                    ResultSet result = backend.executeQuery()) {
                result.next();
                pid = result.getInt(1);
            }
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM connections WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, target.id().value());
                lock.executeQuery().close();
            }
            try (PreparedStatement halfWrite = connection.prepareStatement("UPDATE connections SET last_error = "
                    + "'half-written', version = version + 1, refresh_failures = 7 WHERE id = ?")) {
                halfWrite.setObject(1, target.id().value());
                halfWrite.executeUpdate();
            }
            return new DyingProcess(connection, pid);
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
