package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.OWNER;
import static io.cioconnect.domain.DomainFixtures.PROVIDER;
import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static io.cioconnect.domain.DomainFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static final WebhookEvent NEW = WebhookEvent.announce(UUID.randomUUID(), WebhookEventType.CREATED,
            new ConnectionId(UUID.randomUUID()), "{}", NOW);

    @Test
    void isRetriedWithGrowingJitteredPausesForAtLeastADayThenFails() {
        WebhookEvent event = NEW;
        Instant now = NOW;
        Duration previous = Duration.ZERO;
        while (event.status() == WebhookEventStatus.PENDING) {
            event = event.attemptFailed("HTTP 503", now, () -> 0.0);
            if (event.status() == WebhookEventStatus.PENDING) {
                Duration pause = Duration.between(now, event.nextAttemptAt());
                assertThat(pause).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofHours(1));
                previous = pause;
                now = event.nextAttemptAt();
            }
        }
        assertThat(event.status()).isEqualTo(WebhookEventStatus.FAILED);
        assertThat(Duration.between(NOW, now)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(event.attempts()).as("about 30 to 60 attempts in a day").isBetween(25, 60);
        assertThat(event.lastError()).isEqualTo("HTTP 503");
    }

    @Test
    void jitterSpreadsEventsThatFailedTogether() {
        Instant low = NEW.attemptFailed("x", NOW, () -> 0.0).nextAttemptAt();
        Instant high = NEW.attemptFailed("x", NOW, () -> 1.0).nextAttemptAt();

        assertThat(Duration.between(NOW, low)).isEqualTo(Duration.ofMillis(2500));
        assertThat(Duration.between(NOW, high)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aDeliveredEventKeepsItsIdAndClearsItsError() {
        WebhookEvent delivered = NEW.attemptFailed("timeout", NOW, () -> 0.5).delivered(NOW.plusSeconds(9));

        assertThat(delivered.id()).isEqualTo(NEW.id());
        assertThat(delivered.status()).isEqualTo(WebhookEventStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastError()).isNull();
        assertThat(delivered.deliveredAt()).isEqualTo(NOW.plusSeconds(9));
    }

    @Test
    void onlyAFailedEventCanBeRetriedAndItGetsAnotherDay() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> NEW.retried(NOW));
        WebhookEvent failed = NEW.attemptFailed("HTTP 500", NOW.plus(Duration.ofDays(1)), () -> 0.5);

        WebhookEvent retried = failed.retried(NOW.plus(Duration.ofDays(2)));

        assertThat(retried.status()).isEqualTo(WebhookEventStatus.PENDING);
        assertThat(retried.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(retried.giveUpAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void printsNeitherItsBodyNorItsConnection() {
        WebhookEvent event = WebhookEvent.announce(UUID.randomUUID(), WebhookEventType.DELETED,
                new ConnectionId(UUID.randomUUID()), "{\"owner\":\"user-42\"}", NOW);

        assertThat(event.toString()).doesNotContain("user-42").doesNotContain(event.connectionId().toString())
                .contains("connection.deleted");
    }

    @Test
    void typesHaveTheirWireNames() {
        for (WebhookEventType type : WebhookEventType.values()) {
            assertThat(WebhookEventType.fromWireName(type.wireName())).isEqualTo(type);
        }
        assertThat(WebhookEventType.REFRESH_FAILING.wireName()).isEqualTo("connection.refresh_failing");
    }

    @Test
    void aRefreshAnnouncesALostGrantTheStartOfAFailingEpisodeOnceAndItsEnd() {
        Instant expiry = NOW.plusSeconds(60);
        Connection active = Connection.connect(new ConnectionId(UUID.randomUUID()), OWNER, PROVIDER,
                tokens("at", "rt", expiry, "read"), NOW);
        Connection failedBeforeExpiry = active.refreshFailed("HTTP 503", NOW.plusSeconds(30), NOW.plusSeconds(60));
        Connection failedAfterExpiry = failedBeforeExpiry.refreshFailed("HTTP 503", expiry, expiry.plusSeconds(60));
        Connection failedAgain = failedAfterExpiry.refreshFailed("HTTP 503", expiry.plusSeconds(60),
                expiry.plusSeconds(120));
        Connection recovered = failedAgain.refreshed(tokens("at2", "rt2", expiry.plusSeconds(3600), "read"),
                expiry.plusSeconds(120));

        assertThat(WebhookEventType.ofRefresh(active, failedBeforeExpiry)).isEmpty();
        assertThat(WebhookEventType.ofRefresh(failedBeforeExpiry, failedAfterExpiry))
                .contains(WebhookEventType.REFRESH_FAILING);
        assertThat(WebhookEventType.ofRefresh(failedAfterExpiry, failedAgain)).isEmpty();
        assertThat(WebhookEventType.ofRefresh(failedAgain, recovered)).contains(WebhookEventType.REFRESH_RECOVERED);
        assertThat(WebhookEventType.ofRefresh(failedBeforeExpiry, failedBeforeExpiry.refreshed(
                tokens("at3", "rt3", expiry.plusSeconds(3600), "read"), NOW.plusSeconds(40)))).isEmpty();
        assertThat(WebhookEventType.ofRefresh(failedAgain, failedAgain.markReauthorizationRequired("gone",
                expiry.plusSeconds(180)))).contains(WebhookEventType.REAUTHORIZATION_REQUIRED);
        assertThat(WebhookEventType.ofRefresh(active, active.refreshed(tokens("a", "r", expiry, "read"), NOW)))
                .isEqualTo(Optional.empty());
    }
}
