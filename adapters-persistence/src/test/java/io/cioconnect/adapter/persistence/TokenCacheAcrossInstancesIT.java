package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory copies of valid tokens on two instances sharing one PostgreSQL: a change made on one instance
 * (a refresh, a deletion, a change by hand) reaches the other through LISTEN/NOTIFY, a copy is never served
 * due, and without a working listener every read goes to the database.
 */
class TokenCacheAcrossInstancesIT extends MultiInstanceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<PostgresPersistence> opened = new ArrayList<>();

    private CachedConnectionStore instance() {
        PostgresPersistence persistence = POSTGRES.database().newPersistence(TestKeys.ring());
        opened.add(persistence);
        return (CachedConnectionStore) persistence.connectionsCachedUntilDue(clock, ServiceInstance.SETTINGS.refreshSkew());
    }

    @AfterEach
    void closeInstances() {
        opened.forEach(PostgresPersistence::close);
    }

    /** Reads until the instance serves the connection from memory (its listener has confirmed the channel). */
    private static void awaitCopy(CachedConnectionStore store, ConnectionId id) {
        await().atMost(WAIT).until(() -> store.findById(id).isPresent() && store.holds(id));
    }

    @Test
    void aDeletionOnOneInstanceIsSeenByTheOther() {
        CachedConnectionStore first = instance();
        CachedConnectionStore second = instance();
        Connection stored = first.saveConnected(connection("alice", clock.instant()), NOTHING_TO_REVOKE);
        awaitCopy(second, stored.id());

        first.delete(stored.id(), c -> java.util.Optional.empty());

        await().atMost(WAIT).until(() -> second.findById(stored.id()).isEmpty());
        assertThat(second.holds(stored.id())).isFalse();
    }

    @Test
    void aRefreshOnOneInstanceIsSeenByTheOther() {
        CachedConnectionStore first = instance();
        CachedConnectionStore second = instance();
        Connection stored = first.saveConnected(connection("bob", clock.instant()), NOTHING_TO_REVOKE);
        awaitCopy(second, stored.id());
        ServiceInstance refresher = ServiceInstance.on(first, provider, clock);

        String fresh = refresher.accessToken(stored.id(), true);

        assertThat(fresh).isNotEqualTo(stored.tokens().accessToken().value());
        await().atMost(WAIT).until(() -> second.findById(stored.id()).orElseThrow().tokens().accessToken().value()
                .equals(fresh));
        assertThat(ServiceInstance.on(second, provider, clock).accessToken(stored.id(), false)).isEqualTo(fresh);
    }

    @Test
    void aChangeMadeByHandInTheDatabaseIsSeenToo() throws Exception {
        CachedConnectionStore store = instance();
        Connection stored = store.saveConnected(connection("carol", clock.instant()), NOTHING_TO_REVOKE);
        awaitCopy(store, stored.id());

        try (var sql = POSTGRES.database().openConnection(); var statement = sql.createStatement()) {
            statement.executeUpdate("UPDATE connections SET status = 'reauthorization_required' WHERE id = '"
                    + stored.id().value() + "'");
        }

        await().atMost(WAIT).until(() -> !store.findById(stored.id()).orElseThrow().isActive());
    }

    @Test
    void aCopyIsNeverServedOnceItsTokenIsDue() {
        CachedConnectionStore store = instance();
        Connection stored = store.saveConnected(connection("dave", clock.instant()), NOTHING_TO_REVOKE);
        awaitCopy(store, stored.id());

        clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minus(ServiceInstance.SETTINGS.refreshSkew()));

        assertThat(store.findById(stored.id())).isPresent();
        assertThat(store.holds(stored.id())).as("a due token is read from the database, not kept").isFalse();
    }

    @Test
    void withoutAWorkingListenerEveryReadGoesToTheDatabase() {
        PostgresPersistence persistence = POSTGRES.database().newPersistence(TestKeys.ring());
        opened.add(persistence);
        var unreachable = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "nobody", null);
        CachedConnectionStore store = new CachedConnectionStore(persistence.connections(), clock,
                ServiceInstance.SETTINGS.refreshSkew()).listenWith(unreachable);
        try {
            Connection stored = store.saveConnected(connection("erin", clock.instant()), NOTHING_TO_REVOKE);

            assertThat(store.findById(stored.id())).isPresent();
            assertThat(store.findById(stored.id())).isPresent();
            assertThat(store.holds(stored.id())).isFalse();
        } finally {
            store.close();
        }
    }

    @Test
    void anInstanceWhoseListenerWasCutOffStartsOverWhenItIsBack() throws Exception {
        CachedConnectionStore first = instance();
        CachedConnectionStore second = instance();
        Connection stored = first.saveConnected(connection("frank", clock.instant()), NOTHING_TO_REVOKE);
        awaitCopy(second, stored.id());

        try (var sql = POSTGRES.database().openConnection(); var statement = sql.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'cio-connect-listener' AND datname = current_database()");
        }
        first.delete(stored.id(), c -> java.util.Optional.empty());

        await().atMost(WAIT).until(() -> second.findById(stored.id()).isEmpty());
    }
}
