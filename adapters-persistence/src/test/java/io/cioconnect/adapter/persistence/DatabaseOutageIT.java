package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.Flows.NOW;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.adapter.persistence.testing.TestPostgres;
import io.cioconnect.application.contract.LeasedWrites;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.StoreHealth;
import io.cioconnect.application.port.out.StoreUnavailableException;
import io.cioconnect.domain.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Stops PostgreSQL under a running pool and starts it again. Needs the embedded server: on
 * TEST_DATABASE_URL or Testcontainers {@link TestPostgres#stop()} fails and says so.
 */
class DatabaseOutageIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    /** The pool's connection timeout is 3 s; a caller must hear "unavailable" well before a client gives up. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(6);

    private static PostgresPersistence persistence;

    @BeforeAll
    static void open() {
        persistence = POSTGRES.database().migratedPersistence(TestKeys.ring());
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Test
    void failsFastWhileTheDatabaseIsDownAndRecoversWithoutARestart() {
        ConnectionStore connections = persistence.connections();
        StoreHealth health = persistence.health();
        Connection stored = connections.saveConnected(connection("outage", NOW), NOTHING_TO_REVOKE);
        TestPostgres server = POSTGRES.server();

        server.stop();
        try {
            failsFast(() -> assertThatThrownBy(() -> connections.findById(stored.id()))
                    .isInstanceOf(StoreUnavailableException.class));
            failsFast(() -> assertThatThrownBy(() -> connections.saveConnected(connection("during", NOW), NOTHING_TO_REVOKE))
                    .isInstanceOf(StoreUnavailableException.class));
            failsFast(() -> assertThatThrownBy(() -> connections.claimRefresh(LeasedWrites.leaseOn(stored, NOW), NOW))
                    .isInstanceOf(StoreUnavailableException.class));
            failsFast(() -> assertThatThrownBy(() -> connections.claimDue(stored.provider(), NOW, Duration.ofMinutes(5),
                    UUID.randomUUID(), NOW.plusSeconds(40), 16)).isInstanceOf(StoreUnavailableException.class));
            failsFast(() -> assertThatThrownBy(() -> persistence.connectSessions().consume(Flows.ticket().hash(), NOW))
                    .isInstanceOf(StoreUnavailableException.class));
            failsFast(() -> assertThat(health.isAvailable()).isFalse());
        } finally {
            server.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(health::isAvailable);
        assertThat(connections.findById(stored.id())).contains(stored);
        assertThat(connections.saveConnected(connection("after", NOW), NOTHING_TO_REVOKE).version()).isZero();
    }

    private static void failsFast(Executable call) {
        assertTimeoutPreemptively(FAIL_FAST, call);
    }
}
