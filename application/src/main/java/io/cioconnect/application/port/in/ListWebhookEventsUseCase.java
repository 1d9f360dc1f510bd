package io.cioconnect.application.port.in;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import io.cioconnect.domain.WebhookEventStatus;
import java.util.List;

/** Use case: list webhook events, all or by status, a page at a time, oldest first. */
public interface ListWebhookEventsUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    Page list(Query query);

    /** Events with {@code status} (null: any), at most {@code limit}, after {@code after} (null: from the first). */
    record Query(WebhookEventStatus status, int limit, WebhookEventPosition after) {

        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be from 1 to " + MAX_LIMIT);
            }
        }
    }

    /** One page; {@code next} is where the following page starts, {@code null} when this is the last one. */
    record Page(List<WebhookEvent> events, WebhookEventPosition next) {

        public Page {
            events = List.copyOf(events);
        }
    }
}
