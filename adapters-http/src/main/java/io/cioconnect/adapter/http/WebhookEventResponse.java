package io.cioconnect.adapter.http;

import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Instant;

/** JSON form of a webhook event as the host API lists it: where its delivery stands, not its body. */
record WebhookEventResponse(
        String id,
        String type,
        String connectionId,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError) {

    static WebhookEventResponse from(WebhookEvent event) {
        return new WebhookEventResponse(event.id().toString(), event.type().wireName(),
                event.connectionId().toString(), event.status().wireName(), event.attempts(), event.createdAt(),
                event.status() == WebhookEventStatus.PENDING ? event.nextAttemptAt() : null,
                event.deliveredAt(), event.lastError());
    }
}
