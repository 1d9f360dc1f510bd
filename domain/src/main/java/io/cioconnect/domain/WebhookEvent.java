package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * A change to a connection the host application is told about by a signed webhook, kept in the outbox
 * until it is delivered. {@code body} is the exact JSON sent (and signed) on every attempt; it holds the
 * connection's metadata and never a credential. An event that keeps failing is retried, backing off, until
 * {@code giveUpAt}; the first failure after it marks it failed.
 *
 * @param id            the {@code webhook-id}: the same on every attempt, so hosts deduplicate on it
 * @param attempts      attempts made so far
 * @param nextAttemptAt when a pending event is due
 * @param giveUpAt      after this instant a failed attempt marks the event failed
 * @param lastError     why the last attempt failed, in a few words (never the receiver's body); null after success
 * @param deliveredAt   when a 2xx came back; null until then
 */
public record WebhookEvent(UUID id, WebhookEventType type, ConnectionId connectionId, String body,
        WebhookEventStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant giveUpAt,
        String lastError, Instant deliveredAt) {

    /** From 5 s doubling up to 1 h: about 30 attempts in the first day, and no receiver's wish believed beyond 1 h. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(1));
    /** How long a failing event is retried before it is marked failed. */
    public static final Duration RETRY_FOR = Duration.ofHours(24);

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(giveUpAt, "giveUpAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A new event, due at once, retried for {@link #RETRY_FOR}. */
    public static WebhookEvent announce(UUID id, WebhookEventType type, ConnectionId connectionId, String body,
            Instant now) {
        return new WebhookEvent(id, type, connectionId, body, WebhookEventStatus.PENDING, 0, now, now,
                now.plus(RETRY_FOR), null, null);
    }

    /** The receiver answered 2xx. */
    public WebhookEvent delivered(Instant now) {
        return new WebhookEvent(id, type, connectionId, body, WebhookEventStatus.DELIVERED, attempts + 1, createdAt,
                nextAttemptAt, giveUpAt, null, now);
    }

    /** An attempt failed: tried again after the backoff, or failed for good once {@code giveUpAt} has passed. */
    public WebhookEvent attemptFailed(String reason, Instant now, DoubleSupplier random) {
        int tried = attempts + 1;
        if (!now.isBefore(giveUpAt)) {
            return new WebhookEvent(id, type, connectionId, body, WebhookEventStatus.FAILED, tried, createdAt, now,
                    giveUpAt, reason, null);
        }
        return new WebhookEvent(id, type, connectionId, body, WebhookEventStatus.PENDING, tried, createdAt,
                now.plus(BACKOFF.after(tried, random)), giveUpAt, reason, null);
    }

    /** A failed event sent again on request: due at once, and retried for another {@link #RETRY_FOR}. */
    public WebhookEvent retried(Instant now) {
        if (status != WebhookEventStatus.FAILED) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only a failed webhook event can be retried");
        }
        return new WebhookEvent(id, type, connectionId, body, WebhookEventStatus.PENDING, attempts, createdAt, now,
                now.plus(RETRY_FOR), lastError, null);
    }

    /** The body is the connection's metadata, not a secret, but it is not for log lines either. */
    @Override
    public String toString() {
        return "WebhookEvent[id=" + id + ", type=" + type.wireName() + ", status=" + status.wireName() + ", attempts="
                + attempts + "]";
    }
}
