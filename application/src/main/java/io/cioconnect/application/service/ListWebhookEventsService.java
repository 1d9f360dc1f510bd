package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import java.util.List;

/** Lists webhook events a page at a time; a page that is full says where the next one starts. */
public final class ListWebhookEventsService implements ListWebhookEventsUseCase {

    private final WebhookOutbox outbox;

    public ListWebhookEventsService(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Page list(Query query) {
        // One more than asked tells whether a next page exists without a count.
        List<WebhookEvent> found = outbox.list(query.status(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, null);
        }
        List<WebhookEvent> page = found.subList(0, query.limit());
        return new Page(page, WebhookEventPosition.of(page.get(page.size() - 1)));
    }
}
