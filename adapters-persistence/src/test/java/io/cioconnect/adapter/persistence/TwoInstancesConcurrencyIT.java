package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.Flows.NOW;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static io.cioconnect.application.Fixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.application.port.out.StoreUnavailableException;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.State;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

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

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
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
    void secondInstanceWaitsForTheRefreshLockAndThenSeesTheFirstInstancesWrite() throws Exception {
        Connection stored = first.connections().saveConnected(connection("olga", NOW), NOTHING_TO_REVOKE);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Connection> refresh = threads.submit(() -> first.connections().withRefreshLock(stored.id(),
                Duration.ofSeconds(5), lock -> {
                    locked.countDown();
                    awaitQuietly(release);
                    return lock.save(lock.current().orElseThrow().refreshed(tokens(NOW, Duration.ofHours(1)), NOW));
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Optional<Connection>> waiter = threads.submit(() -> second.connections().withRefreshLock(stored.id(),
                Duration.ofSeconds(30), lock -> lock.current()));
        await().atMost(Duration.ofSeconds(10)).until(() -> backendsWaitingForALock() == 1);
        assertThat(waiter).isNotDone();
        release.countDown();

        Connection refreshed = refresh.get(10, TimeUnit.SECONDS);
        assertThat(waiter.get(10, TimeUnit.SECONDS)).contains(refreshed);
        assertThat(refreshed.version()).isEqualTo(stored.version() + 1);
    }

    @Test
    void secondInstanceGivesUpOnABusyRefreshLockWithStoreUnavailable() throws Exception {
        Connection stored = first.connections().saveConnected(connection("piet", NOW), NOTHING_TO_REVOKE);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = threads.submit(() -> first.connections().withRefreshLock(stored.id(),
                Duration.ofSeconds(5), lock -> {
                    locked.countDown();
                    awaitQuietly(release);
                    return "held";
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> second.connections().withRefreshLock(stored.id(), Duration.ofMillis(300),
                    lock -> "never"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("refresh lock");
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        String afterRelease = second.connections().withRefreshLock(stored.id(), Duration.ofSeconds(5), lock -> "free");
        assertThat(afterRelease).isEqualTo("free");
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

    private static long backendsWaitingForALock() throws Exception {
        try (java.sql.Connection connection = POSTGRES.database().openConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
