package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import java.util.List;

/** JSON answer of {@code GET /api/v1/webhook-events}: one page, and its {@code next_cursor} (null on the last). */
record WebhookEventListResponse(List<WebhookEventResponse> webhookEvents, String nextCursor) {

    static WebhookEventListResponse from(ListWebhookEventsUseCase.Page page) {
        return new WebhookEventListResponse(page.events().stream().map(WebhookEventResponse::from).toList(),
                page.next() == null ? null : ListCursor.encode(page.next()));
    }
}
