package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Thread-safe in-memory {@link WebhookOutbox}: every step serialised on the outbox. */
public final class InMemoryWebhookOutbox implements WebhookOutbox {

    private final Map<UUID, WebhookEvent> events = new HashMap<>();
    private final Map<UUID, Claim> claims = new HashMap<>();

    private record Claim(UUID holder, Instant until) {
    }

    /** Puts an event in the outbox; the connection store calls this in the same step as the change it announces. */
    public synchronized void add(WebhookEvent event) {
        events.put(event.id(), event);
    }

    @Override
    public synchronized List<WebhookEvent> claimDue(Instant now, UUID holder, Instant until, int limit) {
        List<WebhookEvent> due = events.values().stream()
                .filter(event -> event.status() == WebhookEventStatus.PENDING && !event.nextAttemptAt().isAfter(now))
                .filter(event -> !claims.containsKey(event.id()) || !claims.get(event.id()).until().isAfter(now))
                .sorted(Comparator.comparing(WebhookEvent::nextAttemptAt).thenComparing(event -> event.id().toString()))
                .limit(limit)
                .toList();
        due.forEach(event -> claims.put(event.id(), new Claim(holder, until)));
        return new ArrayList<>(due);
    }

    @Override
    public synchronized boolean settle(WebhookEvent settled, UUID holder) {
        Claim claim = claims.get(settled.id());
        if (claim == null || !claim.holder().equals(holder) || !events.containsKey(settled.id())) {
            return false;
        }
        claims.remove(settled.id());
        events.put(settled.id(), settled);
        return true;
    }

    @Override
    public synchronized List<WebhookEvent> list(WebhookEventStatus status, WebhookEventPosition after, int limit) {
        return events.values().stream()
                .filter(event -> status == null || event.status() == status)
                .filter(event -> after == null || after.compareTo(WebhookEventPosition.of(event)) < 0)
                .sorted(Comparator.comparing(WebhookEventPosition::of))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<WebhookEvent> find(UUID id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public synchronized boolean retry(WebhookEvent retried) {
        WebhookEvent current = events.get(retried.id());
        if (current == null || current.status() != WebhookEventStatus.FAILED) {
            return false;
        }
        events.put(retried.id(), retried);
        claims.remove(retried.id());
        return true;
    }
}
