package io.cioconnect.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.StoreStatistics.ConnectionGroup;
import io.cioconnect.adapter.persistence.StoreStatistics.Snapshot;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.Fixtures;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The counts behind the store gauges, on PostgreSQL. */
class StoreStatisticsIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Test
    void anEmptyStoreHasNothingToCountAndNothingOverdue() {
        Snapshot snapshot = STORES.fresh().statistics().read(now, WINDOW);

        assertThat(snapshot.connections()).isEmpty();
        assertThat(snapshot.revocationsPending()).isZero();
        assertThat(snapshot.oldestDueRefresh()).isEmpty();
        assertThat(snapshot.refreshOverdue(now)).isZero();
        assertThat(snapshot.webhookEventsPending()).isZero();
    }

    @Test
    void countsTheWebhookEventsNotYetDelivered() throws Exception {
        PostgresPersistence stores = STORES.fresh();
        ChangeAnnouncer announcer = (type, changed) -> Optional.of(
                WebhookEvent.announce(UUID.randomUUID(), type, changed.id(), "{}", now));
        Connection kept = stores.connections().saveConnected(connection("erin", "customerio", Duration.ofHours(1)),
                Fixtures.NOTHING_TO_REVOKE, announcer);
        stores.connections().saveConnected(connection("finn", "customerio", Duration.ofHours(1)),
                Fixtures.NOTHING_TO_REVOKE, announcer);
        stores.connections().delete(kept.id(), deleted -> Optional.empty(), announcer);
        WebhookEvent delivered = stores.webhookEvents().list(WebhookEventStatus.PENDING, null, 10).get(0);
        RawRows.update(POSTGRES.database(),
                "UPDATE webhook_events SET status = 'delivered' WHERE id = '" + delivered.id() + "'");

        assertThat(stores.statistics().read(now, WINDOW).webhookEventsPending()).isEqualTo(2);
    }

    @Test
    void countsConnectionsByProviderAndStatusAndThePendingRevocations() throws Exception {
        PostgresPersistence stores = STORES.fresh();
        save(stores, "alice", "customerio", Duration.ofHours(1));
        save(stores, "bob", "customerio", Duration.ofHours(1));
        Connection lost = save(stores, "carol", "customerio", Duration.ofHours(1));
        save(stores, "dave", "sandbox", Duration.ofHours(1));
        RawRows.update(POSTGRES.database(),
                "UPDATE connections SET status = 'reauthorization_required' WHERE id = '" + lost.id() + "'");
        for (int i = 0; i < 3; i++) {
            RawRows.update(POSTGRES.database(), "INSERT INTO pending_revocations"
                    + " (id, provider, token, token_type_hint, attempts, next_attempt_at)"
                    + " VALUES ('" + UUID.randomUUID() + "', 'customerio', 'v1:k:x', 'refresh_token', 0, now())");
        }

        Snapshot snapshot = stores.statistics().read(now, WINDOW);

        assertThat(snapshot.connections()).isEqualTo(Map.of(
                new ConnectionGroup("customerio", "active"), 2L,
                new ConnectionGroup("customerio", "reauthorization_required"), 1L,
                new ConnectionGroup("sandbox", "active"), 1L));
        assertThat(snapshot.revocationsPending()).isEqualTo(3);
    }

    @Test
    void theOverdueRefreshIsTheOldestDueOneThatNoBackoffHoldsBack() throws Exception {
        PostgresPersistence stores = STORES.fresh();
        save(stores, "not-due-yet", "customerio", WINDOW.plusMinutes(5));
        save(stores, "due-two-minutes-ago", "customerio", WINDOW.minusMinutes(2));
        save(stores, "due-three-minutes-ago", "sandbox", WINDOW.minusMinutes(3));
        Connection backingOff = save(stores, "due-long-ago-but-backing-off", "customerio", Duration.ofMinutes(1));
        Connection broken = save(stores, "needs-the-owner", "customerio", Duration.ofMinutes(-30));
        RawRows.update(POSTGRES.database(), "UPDATE connections SET next_refresh_at = '" + now.plusSeconds(60)
                + "' WHERE id = '" + backingOff.id() + "'");
        RawRows.update(POSTGRES.database(),
                "UPDATE connections SET status = 'reauthorization_required' WHERE id = '" + broken.id() + "'");

        Snapshot snapshot = stores.statistics().read(now, WINDOW);

        assertThat(snapshot.oldestDueRefresh()).contains(now.minus(Duration.ofMinutes(3)));
        assertThat(snapshot.refreshOverdue(now)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aBackoffThatEndedMakesTheRefreshDueFromItsEnd() throws Exception {
        PostgresPersistence stores = STORES.fresh();
        Connection retried = save(stores, "retried", "customerio", Duration.ofMinutes(1));
        RawRows.update(POSTGRES.database(), "UPDATE connections SET next_refresh_at = '" + now.minusSeconds(20)
                + "' WHERE id = '" + retried.id() + "'");

        assertThat(stores.statistics().read(now, WINDOW).refreshOverdue(now)).isEqualTo(Duration.ofSeconds(20));
    }

    private Connection save(PostgresPersistence stores, String owner, String provider, Duration lifetime) {
        return stores.connections().saveConnected(connection(owner, provider, lifetime), Fixtures.NOTHING_TO_REVOKE);
    }

    private Connection connection(String owner, String provider, Duration lifetime) {
        return Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner), new ProviderId(provider),
                Fixtures.tokens(now, lifetime), now);
    }
}
