package io.cioconnect.application.service;

import io.cioconnect.application.WebhookSettings;
import io.cioconnect.application.port.in.DeliverWebhooksUseCase;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.WebhookMetrics;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.application.port.out.WebhookSender;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due webhook events in three steps per event, like a refresh: claim it in one short transaction
 * (skipping events another instance holds), send it holding nothing of the database, then settle it in a
 * second short transaction only while the claim is still ours. Delivered on a 2xx; otherwise retried with
 * {@link WebhookEvent#BACKOFF}, and marked failed after {@link WebhookEvent#RETRY_FOR}. Logs name the event
 * and its type, never its body.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverWebhooksService.class);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final RandomSource random;
    private final Clock clock;
    private final WebhookSettings settings;
    private final Executor sending;

    /** @param sending runs the attempts of one claim at once ({@code settings.concurrency()} threads at most) */
    public DeliverWebhooksService(WebhookOutbox outbox, WebhookSender sender, WebhookMetrics metrics,
            RandomSource random, Clock clock, WebhookSettings settings, Executor sending) {
        this.outbox = outbox;
        this.sender = sender;
        this.metrics = metrics;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.sending = sending;
    }

    @Override
    public int deliverDue() {
        int attempted = 0;
        List<WebhookEvent> claimed;
        do {
            UUID holder = random.uuid();
            Instant now = clock.instant();
            claimed = outbox.claimDue(now, holder, now.plus(settings.claim()), settings.concurrency());
            CompletableFuture.allOf(claimed.stream()
                    .map(event -> CompletableFuture.runAsync(() -> deliver(event, holder), sending))
                    .toArray(CompletableFuture[]::new)).join();
            attempted += claimed.size();
        } while (claimed.size() == settings.concurrency());
        return attempted;
    }

    private void deliver(WebhookEvent event, UUID holder) {
        long started = System.nanoTime();
        WebhookSender.Attempt attempt = send(event);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        WebhookEvent settled = attempt.delivered() ? event.delivered(now)
                : event.attemptFailed(attempt.detail(), now, random::unitInterval);
        if (!outbox.settle(settled, holder)) {
            LOG.warn("Webhook event {} ({}): the claim ended before the attempt was recorded; it is sent again",
                    event.id(), event.type().wireName());
            return;
        }
        metrics.attempted(outcome(settled), latency);
        if (settled.status() == WebhookEventStatus.DELIVERED) {
            LOG.info("Webhook event {} ({}) delivered in {} ms ({})", event.id(), event.type().wireName(),
                    latency.toMillis(), attempt.detail());
        } else if (settled.status() == WebhookEventStatus.FAILED) {
            LOG.warn("Webhook event {} ({}) failed {} times over {}; given up: {}", event.id(), event.type().wireName(),
                    settled.attempts(), WebhookEvent.RETRY_FOR, attempt.detail());
        } else {
            LOG.warn("Webhook event {} ({}) not delivered (attempt {}, next after {}): {}", event.id(),
                    event.type().wireName(), settled.attempts(), settled.nextAttemptAt(), attempt.detail());
        }
    }

    private WebhookSender.Attempt send(WebhookEvent event) {
        try {
            return sender.send(event);
        } catch (RuntimeException e) {
            return WebhookSender.Attempt.failed(e.getClass().getSimpleName());
        }
    }

    private static WebhookMetrics.Outcome outcome(WebhookEvent settled) {
        if (settled.status() == WebhookEventStatus.DELIVERED) {
            return WebhookMetrics.Outcome.DELIVERED;
        }
        return settled.status() == WebhookEventStatus.FAILED ? WebhookMetrics.Outcome.FAILED
                : WebhookMetrics.Outcome.RETRIED;
    }
}
