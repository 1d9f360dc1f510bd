package io.cioconnect.application.port.in;

import io.cioconnect.domain.WebhookEvent;
import java.util.UUID;

/** Use case: send a webhook event that was given up on again, with the same {@code webhook-id}. */
public interface RetryWebhookEventUseCase {

    /** The event, pending again and due at once; else {@code not_found}, or {@code validation_failed} if not failed. */
    WebhookEvent retry(UUID id);
}
