package io.cioconnect.application.service;

import io.cioconnect.application.port.in.RetryWebhookEventUseCase;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.WebhookEvent;
import java.time.Clock;
import java.util.UUID;

/** Makes a failed webhook event pending again, due at once and retried for another day, same {@code webhook-id}. */
public final class RetryWebhookEventService implements RetryWebhookEventUseCase {

    private final WebhookOutbox outbox;
    private final Clock clock;

    public RetryWebhookEventService(WebhookOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public WebhookEvent retry(UUID id) {
        WebhookEvent event = outbox.find(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such webhook event"));
        WebhookEvent retried = event.retried(clock.instant());
        if (!outbox.retry(retried)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "only a failed webhook event can be retried");
        }
        return retried;
    }
}
