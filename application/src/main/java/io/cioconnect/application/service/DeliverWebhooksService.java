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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due webhook events in three steps per event, like a refresh: claim it in one short transaction
 * (skipping events another instance holds), send it holding nothing of the database, then settle it in a
 * second short transaction only while the claim is still ours. At most {@code concurrency} attempts are in
 * flight per instance, and a place is taken only by an event just claimed, so a claim never waits for a place. Delivered on a 2xx; otherwise retried with
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
    /** Attempts in flight in this instance: {@code settings.concurrency()} at most. */
    private final Semaphore places;

    /** @param sending runs the attempts ({@code settings.concurrency()} threads suffice; more are never used) */
    public DeliverWebhooksService(WebhookOutbox outbox, WebhookSender sender, WebhookMetrics metrics,
            RandomSource random, Clock clock, WebhookSettings settings, Executor sending) {
        this.outbox = outbox;
        this.sender = sender;
        this.metrics = metrics;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        this.sending = sending;
        this.places = new Semaphore(settings.concurrency());
    }

    /**
     * Claims as many due events as there are free places and hands each to a sending thread, until a claim
     * finds fewer than it asked for. It does not wait for the sends: a place frees up as soon as its attempt is
     * settled, so one hanging receiver call holds up one place, never the others.
     */
    @Override
    public int deliverDue() {
        int dispatched = 0;
        while (true) {
            int free = places.drainPermits();
            if (free == 0) {
                return dispatched;
            }
            UUID holder = random.uuid();
            Instant now = clock.instant();
            List<WebhookEvent> claimed;
            try {
                claimed = outbox.claimDue(now, holder, now.plus(settings.claim()), free);
            } catch (RuntimeException e) {
                places.release(free);
                throw e;
            }
            places.release(free - claimed.size());
            claimed.forEach(event -> dispatch(event, holder));
            dispatched += claimed.size();
            if (claimed.size() < free) {
                return dispatched;
            }
        }
    }

    private void dispatch(WebhookEvent event, UUID holder) {
        try {
            sending.execute(() -> {
                try {
                    deliver(event, holder);
                } catch (RuntimeException e) {
                    LOG.warn("Webhook event {} ({}): the attempt could not be recorded; it is sent again when its"
                            + " claim ends: {}", event.id(), event.type().wireName(), e.getClass().getSimpleName());
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException stopping) {
            places.release(); // shutting down: the claim ends by itself and the event is sent again
        }
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
