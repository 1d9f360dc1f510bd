package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import io.cioconnect.application.port.in.RetryWebhookEventUseCase;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.WebhookEventStatus;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Host API on webhook events: list them (all or by status, a page at a time) and send a failed one again. */
final class WebhookEventRoutes implements EndpointGroup {

    static final String EVENTS = "/api/v1/webhook-events";
    static final String RETRY = "/api/v1/webhook-events/{id}/retry";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ListWebhookEventsUseCase listEvents;
    private final RetryWebhookEventUseCase retryEvent;

    WebhookEventRoutes(HttpUseCases useCases) {
        this.listEvents = useCases.listWebhookEvents();
        this.retryEvent = useCases.retryWebhookEvent();
    }

    @Override
    public void addEndpoints() {
        get(EVENTS, this::list);
        post(RETRY, this::retry);
    }

    private void list(Context ctx) {
        String status = QueryParameters.atMostOnce(ctx, "status");
        String limit = QueryParameters.atMostOnce(ctx, "limit");
        String cursor = QueryParameters.atMostOnce(ctx, "cursor");
        ListWebhookEventsUseCase.Query query = new ListWebhookEventsUseCase.Query(
                status == null ? null : status(status),
                limit == null ? ListWebhookEventsUseCase.DEFAULT_LIMIT
                        : QueryParameters.limit(limit, ListWebhookEventsUseCase.MAX_LIMIT),
                cursor == null ? null : ListCursor.decodeEvent(cursor));
        ctx.json(WebhookEventListResponse.from(listEvents.list(query)));
    }

    private void retry(Context ctx) {
        String id = ctx.pathParam("id");
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such webhook event");
        }
        ctx.json(WebhookEventResponse.from(retryEvent.retry(UUID.fromString(id))));
    }

    private static WebhookEventStatus status(String value) {
        return WebhookEventStatus.parse(value).orElseThrow(
                () -> HttpProblem.badRequest("status must be pending, failed or delivered"));
    }
}
