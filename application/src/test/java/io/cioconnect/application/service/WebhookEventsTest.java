package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.WebhookSettings;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.application.port.out.WebhookMetrics;
import io.cioconnect.application.port.out.WebhookSender;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import io.cioconnect.domain.WebhookEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Which changes announce which webhook events, and how the delivery use cases settle them. */
class WebhookEventsTest {

    private final TestCore core = TestCore.create();
    private final Queue<WebhookSender.Attempt> answers = new ConcurrentLinkedQueue<>();
    private final List<WebhookEvent> sent = new ArrayList<>();
    private final List<WebhookMetrics.Outcome> counted = new ArrayList<>();
    private final DeliverWebhooksService deliver = new DeliverWebhooksService(core.webhookEvents, event -> {
        sent.add(event);
        WebhookSender.Attempt next = answers.poll();
        return next == null ? WebhookSender.Attempt.delivered(204) : next;
    }, (outcome, latency) -> counted.add(outcome), new TestRandom(), core.clock, WebhookSettings.defaults(),
            Runnable::run);

    private List<WebhookEventType> types() {
        return core.webhookEvents.list(null, null, 100).stream().map(WebhookEvent::type).toList();
    }

    private void refreshFails(ConnectionId id, Kind kind) {
        core.provider.refreshResults.add(new TokenResult.Failed(ProviderFailure.of(kind, "down")));
        try {
            core.getAccessToken.get(new GetAccessTokenUseCase.Command(id, true));
        } catch (DomainException expiredAndNotRefreshed) {
            // a token that still works is served; an expired one is not
        }
        assertThat(core.provider.refreshResults).as("the provider was asked").isEmpty();
    }

    @Test
    void connectingReconnectingAndDeletingAnnounceThemselvesWithMetadataAndNoCredential() {
        ConnectionId id = core.connect("alice");
        core.clock.advance(Duration.ofSeconds(1));
        core.connect("alice");
        core.clock.advance(Duration.ofSeconds(1));
        core.disconnect.disconnect(id);

        assertThat(types()).containsExactly(WebhookEventType.CREATED, WebhookEventType.RECONNECTED,
                WebhookEventType.DELETED);
        assertThat(core.webhookEvents.list(null, null, 100)).allSatisfy(event -> {
            assertThat(event.connectionId()).isEqualTo(id);
            assertThat(event.body()).contains("\"owner\":\"alice\"", "\"provider\":\"customerio\"",
                    "\"id\":\"" + id + "\"", "\"type\":\"" + event.type().wireName() + "\"");
            assertThat(event.body()).doesNotContain("access-", "refresh-", "token\":\"");
        });
    }

    @Test
    void aFailingRefreshOfAnExpiredTokenIsAnnouncedOncePerEpisodeAndItsRecoveryOnce() {
        ConnectionId id = core.connect("bob");
        refreshFails(id, Kind.UNAVAILABLE);
        assertThat(types()).as("the token still works: nothing to tell").containsExactly(WebhookEventType.CREATED);

        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        refreshFails(id, Kind.UNAVAILABLE);
        core.clock.advance(Duration.ofMinutes(5));
        refreshFails(id, Kind.RATE_LIMITED);
        core.getAccessToken.get(new GetAccessTokenUseCase.Command(id, true));

        assertThat(types()).containsExactly(WebhookEventType.CREATED, WebhookEventType.REFRESH_FAILING,
                WebhookEventType.REFRESH_RECOVERED);
    }

    @Test
    void aLostGrantIsAnnounced() {
        ConnectionId id = core.connect("cid");

        refreshFails(id, Kind.INVALID_GRANT);

        assertThat(types()).containsExactlyInAnyOrder(WebhookEventType.CREATED,
                WebhookEventType.REAUTHORIZATION_REQUIRED);
        assertThat(core.webhookEvents.list(null, null, 100)).filteredOn(
                event -> event.type() == WebhookEventType.REAUTHORIZATION_REQUIRED).singleElement()
                .satisfies(event -> assertThat(event.body()).contains("\"status\":\"reauthorization_required\""));
    }

    @Test
    void deliversDueEventsAndRetriesFailuresWithBackoffUntilADayHasPassed() {
        core.connect("dee");
        answers.add(WebhookSender.Attempt.failed("HTTP 503"));

        assertThat(deliver.deliverDue()).isEqualTo(1);
        WebhookEvent pending = core.webhookEvents.list(WebhookEventStatus.PENDING, null, 10).get(0);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).isEqualTo("HTTP 503");
        assertThat(deliver.deliverDue()).as("backing off").isZero();

        core.clock.advance(Duration.between(core.clock.instant(), pending.nextAttemptAt()));
        assertThat(deliver.deliverDue()).isEqualTo(1);

        assertThat(sent).extracting(WebhookEvent::id).containsOnly(pending.id()).hasSize(2);
        assertThat(core.webhookEvents.list(WebhookEventStatus.DELIVERED, null, 10)).hasSize(1);
        assertThat(counted).containsExactly(WebhookMetrics.Outcome.RETRIED, WebhookMetrics.Outcome.DELIVERED);
    }

    @Test
    void givesUpAfterADayAndSendsAgainWhenRetried() {
        core.connect("eli");
        answers.add(WebhookSender.Attempt.failed("no answer within 10 s"));
        answers.add(WebhookSender.Attempt.failed("HTTP 500"));
        deliver.deliverDue();
        core.clock.advance(Duration.ofHours(25));

        deliver.deliverDue();

        List<WebhookEvent> failed = core.webhookEvents.list(WebhookEventStatus.FAILED, null, 10);
        assertThat(failed).singleElement().satisfies(event -> assertThat(event.lastError()).isEqualTo("HTTP 500"));
        assertThat(counted).endsWith(WebhookMetrics.Outcome.FAILED);
        RetryWebhookEventService retry = new RetryWebhookEventService(core.webhookEvents, core.clock);

        retry.retry(failed.get(0).id());
        assertThat(deliver.deliverDue()).isEqualTo(1);

        assertThat(core.webhookEvents.find(failed.get(0).id()).orElseThrow().status())
                .isEqualTo(WebhookEventStatus.DELIVERED);
        assertThatThrownBy(() -> retry.retry(failed.get(0).id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> retry.retry(UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void listsAPageAtATime() {
        for (String owner : List.of("f1", "f2", "f3")) {
            core.connect(owner);
        }
        ListWebhookEventsService list = new ListWebhookEventsService(core.webhookEvents);

        ListWebhookEventsUseCase.Page first = list.list(new ListWebhookEventsUseCase.Query(null, 2, null));
        ListWebhookEventsUseCase.Page second = list.list(new ListWebhookEventsUseCase.Query(null, 2, first.next()));

        assertThat(first.events()).hasSize(2);
        assertThat(second.events()).hasSize(1);
        assertThat(second.next()).isNull();
    }
}
