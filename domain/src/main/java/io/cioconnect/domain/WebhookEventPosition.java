package io.cioconnect.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in the listing order of webhook events, oldest first and ties by id: a page starts just after one.
 * Ids compare as their canonical text, which is the byte order PostgreSQL sorts {@code uuid} in.
 */
public record WebhookEventPosition(Instant createdAt, UUID id) implements Comparable<WebhookEventPosition> {

    private static final Comparator<WebhookEventPosition> ORDER = Comparator.comparing(WebhookEventPosition::createdAt)
            .thenComparing(position -> position.id().toString());

    public WebhookEventPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static WebhookEventPosition of(WebhookEvent event) {
        return new WebhookEventPosition(event.createdAt(), event.id());
    }

    @Override
    public int compareTo(WebhookEventPosition other) {
        return ORDER.compare(this, other);
    }
}
