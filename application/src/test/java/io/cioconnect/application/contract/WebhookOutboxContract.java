package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import io.cioconnect.domain.WebhookEventStatus;
import io.cioconnect.domain.WebhookEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WebhookOutbox}, fed as in production: events enter with the connection changes they
 * announce ({@link ConnectionStore} with a {@link ChangeAnnouncer}), in the same unit of work.
 */
public abstract class WebhookOutboxContract {

    protected static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration CLAIM = Duration.ofSeconds(30);

    protected ConnectionStore store;
    protected WebhookOutbox outbox;
    private final AtomicInteger announced = new AtomicInteger();
    /** Each event a millisecond after the one before, so that the listing order is known. */
    private final ChangeAnnouncer announcer = (type, changed) -> Optional.of(WebhookEvent.announce(UUID.randomUUID(),
            type, changed.id(), "{\"type\":\"" + type.wireName() + "\",\"owner\":\"" + changed.owner().value() + "\"}",
            NOW.plusMillis(announced.incrementAndGet())));

    /** A fresh, empty connection store and the outbox its changes feed. */
    protected abstract Stores createStores();

    /** The two stores under test. */
    public record Stores(ConnectionStore connections, WebhookOutbox outbox) {
    }

    @BeforeEach
    void setUpStores() {
        Stores stores = createStores();
        store = stores.connections();
        outbox = stores.outbox();
    }

    private List<WebhookEvent> all() {
        return outbox.list(null, null, 100);
    }

    @Test
    void connectingAndReconnectingPutTheirEventsInTheOutboxWithTheStoredConnection() {
        Connection first = store.saveConnected(connection("ana", NOW), NOTHING_TO_REVOKE, announcer);
        Connection again = store.saveConnected(connection("ana", NOW.plusSeconds(5)), NOTHING_TO_REVOKE, announcer);

        assertThat(all()).extracting(WebhookEvent::type)
                .containsExactly(WebhookEventType.CREATED, WebhookEventType.RECONNECTED);
        assertThat(all()).extracting(WebhookEvent::connectionId).containsOnly(first.id(), again.id());
        assertThat(all()).allSatisfy(event -> {
            assertThat(event.status()).isEqualTo(WebhookEventStatus.PENDING);
            assertThat(event.body()).contains("\"owner\":\"ana\"");
        });
        assertThat(outbox.list(WebhookEventStatus.PENDING, null, 10)).hasSize(2);
    }

    @Test
    void deletingPutsTheDeletedEventInTheOutbox() {
        Connection stored = store.saveConnected(connection("ben", NOW), NOTHING_TO_REVOKE);

        store.delete(stored.id(), deleted -> Optional.empty(), announcer);
        store.delete(stored.id(), deleted -> Optional.empty(), announcer);

        assertThat(all()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(WebhookEventType.DELETED);
            assertThat(event.connectionId()).isEqualTo(stored.id());
        });
    }

    @Test
    void aRefreshWritePutsItsAnnouncementOnlyWhenItsCompareAndSetSucceeds() {
        Connection stored = store.saveConnected(connection("cai", NOW), NOTHING_TO_REVOKE);
        RefreshLease lease = LeasedWrites.leaseOn(stored, NOW);
        Connection claimed = ((LeaseClaim.Claimed) store.claimRefresh(lease, NOW)).connection();
        Connection lost = claimed.markReauthorizationRequired("refused", NOW);
        WebhookEvent announcement = announcer.announce(WebhookEventType.REAUTHORIZATION_REQUIRED, lost).orElseThrow();
        RefreshLease someoneElses = new RefreshLease(lease.id(), lease.version(), UUID.randomUUID(), lease.until());

        assertThat(store.completeRefresh(someoneElses, lost, Optional.of(announcement))).isEmpty();
        assertThat(all()).isEmpty();

        assertThat(store.completeRefresh(lease, lost, Optional.of(announcement))).isPresent();
        assertThat(all()).containsExactly(announcement);
    }

    @Test
    void changesWithoutAnAnnouncementPutNothingInTheOutbox() {
        Connection stored = store.saveConnected(connection("dan", NOW), NOTHING_TO_REVOKE, ChangeAnnouncer.NONE);
        store.delete(stored.id(), deleted -> Optional.empty(), ChangeAnnouncer.NONE);

        assertThat(all()).isEmpty();
        assertThat(outbox.list(WebhookEventStatus.PENDING, null, 10)).isEmpty();
    }

    @Test
    void aClaimedEventIsHiddenFromOtherHoldersUntilItsClaimEnds() {
        store.saveConnected(connection("eva", NOW), NOTHING_TO_REVOKE, announcer);
        Instant at = NOW.plusSeconds(1);
        UUID first = UUID.randomUUID();

        List<WebhookEvent> claimed = outbox.claimDue(at, first, at.plus(CLAIM), 10);

        assertThat(claimed).hasSize(1);
        assertThat(outbox.claimDue(at.plusSeconds(1), UUID.randomUUID(), at.plus(CLAIM), 10)).isEmpty();
        UUID second = UUID.randomUUID();
        assertThat(outbox.claimDue(at.plus(CLAIM), second, at.plus(CLAIM).plus(CLAIM), 10)).isEqualTo(claimed);
        assertThat(outbox.settle(claimed.get(0).delivered(at.plus(CLAIM)), first))
                .as("the first holder's claim ended: its late result is dropped").isFalse();
        assertThat(outbox.settle(claimed.get(0).delivered(at.plus(CLAIM)), second)).isTrue();
    }

    @Test
    void aDeliveredEventIsNeverClaimedAgain() {
        store.saveConnected(connection("fay", NOW), NOTHING_TO_REVOKE, announcer);
        UUID holder = UUID.randomUUID();
        WebhookEvent event = outbox.claimDue(NOW.plusSeconds(1), holder, NOW.plus(CLAIM), 10).get(0);

        assertThat(outbox.settle(event.delivered(NOW.plusSeconds(2)), holder)).isTrue();

        assertThat(outbox.claimDue(NOW.plus(Duration.ofDays(2)), UUID.randomUUID(), NOW.plus(Duration.ofDays(3)), 10))
                .isEmpty();
        assertThat(outbox.find(event.id())).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(WebhookEventStatus.DELIVERED);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.deliveredAt()).isEqualTo(NOW.plusSeconds(2));
        });
        assertThat(outbox.list(WebhookEventStatus.PENDING, null, 10)).isEmpty();
    }

    @Test
    void aFailedAttemptComesBackAtItsNextAttemptAndAFailedEventOnlyWhenRetried() {
        store.saveConnected(connection("gus", NOW), NOTHING_TO_REVOKE, announcer);
        UUID holder = UUID.randomUUID();
        WebhookEvent event = outbox.claimDue(NOW.plusSeconds(1), holder, NOW.plus(CLAIM), 10).get(0);
        WebhookEvent later = event.attemptFailed("HTTP 503", NOW.plusSeconds(1), () -> 0.5);
        outbox.settle(later, holder);

        assertThat(outbox.claimDue(later.nextAttemptAt().minusMillis(1), holder, NOW.plus(CLAIM), 10)).isEmpty();
        WebhookEvent again = outbox.claimDue(later.nextAttemptAt(), holder, later.nextAttemptAt().plus(CLAIM), 10)
                .get(0);
        assertThat(again).isEqualTo(later);
        Instant dayLater = NOW.plus(Duration.ofDays(1)).plusSeconds(2);
        WebhookEvent failed = again.attemptFailed("HTTP 503", dayLater, () -> 0.5);
        outbox.settle(failed, holder);

        assertThat(outbox.list(WebhookEventStatus.FAILED, null, 10)).containsExactly(failed);
        assertThat(outbox.claimDue(dayLater.plus(Duration.ofDays(1)), holder, dayLater.plus(Duration.ofDays(2)), 10))
                .isEmpty();
        WebhookEvent retried = failed.retried(dayLater);
        assertThat(outbox.retry(retried)).isTrue();
        assertThat(outbox.retry(retried)).as("no longer failed").isFalse();
        assertThat(outbox.claimDue(dayLater, holder, dayLater.plus(CLAIM), 10)).containsExactly(retried);
    }

    @Test
    void listsByStatusOldestFirstAPageAtATime() {
        for (String owner : List.of("h1", "h2", "h3", "h4")) {
            store.saveConnected(connection(owner, NOW), NOTHING_TO_REVOKE, announcer);
        }
        UUID holder = UUID.randomUUID();
        WebhookEvent oldest = outbox.claimDue(NOW.plusSeconds(1), holder, NOW.plus(CLAIM), 1).get(0);
        outbox.settle(oldest.delivered(NOW.plusSeconds(1)), holder);

        List<WebhookEvent> pending = outbox.list(WebhookEventStatus.PENDING, null, 10);
        assertThat(pending).hasSize(3).extracting(WebhookEvent::createdAt).isSorted();
        assertThat(outbox.list(WebhookEventStatus.DELIVERED, null, 10)).extracting(WebhookEvent::id)
                .containsExactly(oldest.id());
        assertThat(outbox.list(WebhookEventStatus.PENDING, WebhookEventPosition.of(pending.get(0)), 1))
                .containsExactly(pending.get(1));
        assertThat(outbox.list(null, null, 10)).hasSize(4);
        assertThat(outbox.find(UUID.randomUUID())).isEmpty();
    }
}
