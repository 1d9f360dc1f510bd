package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link WebhookOutbox} on PostgreSQL. A claim is one statement ({@code FOR UPDATE SKIP LOCKED}) that commits at
 * once, so no row lock or pooled connection is held while the receiver is asked; the claim lives in the row
 * ({@code claimed_by}, {@code claimed_until}) and fences the settling write.
 */
final class PostgresWebhookOutbox implements WebhookOutbox {

    private static final String CLAIM_DUE = """
            UPDATE webhook_events e SET claimed_by = :holder, claimed_until = :until
            FROM (SELECT id FROM webhook_events
                  WHERE status = 'pending' AND next_attempt_at <= :now
                    AND (claimed_until IS NULL OR claimed_until <= :now)
                  ORDER BY next_attempt_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE e.id = due.id
            RETURNING e.*""";
    private static final String SETTLE = """
            UPDATE webhook_events SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                give_up_at = :giveUpAt, last_error = :lastError, delivered_at = :deliveredAt,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :holder""";
    private static final String RETRY = """
            UPDATE webhook_events SET status = 'pending', next_attempt_at = :nextAttemptAt, give_up_at = :giveUpAt,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND status = 'failed'""";

    private final Jdbi jdbi;

    PostgresWebhookOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<WebhookEvent> claimDue(Instant now, UUID holder, Instant until, int limit) {
        List<WebhookEvent> claimed = DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(CLAIM_DUE)
                .bind("holder", holder).bind("until", until).bind("now", now).bind("limit", limit)
                .map(WebhookEventRows.MAPPER).list()));
        List<WebhookEvent> ordered = new ArrayList<>(claimed);
        ordered.sort(Comparator.comparing(WebhookEvent::nextAttemptAt).thenComparing(event -> event.id().toString()));
        return ordered;
    }

    @Override
    public boolean settle(WebhookEvent settled, UUID holder) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createUpdate(SETTLE)
                .bind("id", settled.id())
                .bind("holder", holder)
                .bind("status", settled.status().wireName())
                .bind("attempts", settled.attempts())
                .bind("nextAttemptAt", settled.nextAttemptAt())
                .bind("giveUpAt", settled.giveUpAt())
                .bind("lastError", settled.lastError())
                .bind("deliveredAt", settled.deliveredAt())
                .execute())) == 1;
    }

    @Override
    public List<WebhookEvent> list(WebhookEventStatus status, WebhookEventPosition after, int limit) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (after != null) {
            conditions.add("(created_at, id) > (:afterCreatedAt, :afterId)");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM webhook_events" + where
                    + " ORDER BY created_at, id LIMIT :limit").bind("limit", limit);
            if (status != null) {
                query.bind("status", status.wireName());
            }
            if (after != null) {
                query.bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
            }
            return query.map(WebhookEventRows.MAPPER).list();
        }));
    }

    @Override
    public Optional<WebhookEvent> find(UUID id) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM webhook_events WHERE id = :id").bind("id", id)
                .map(WebhookEventRows.MAPPER).findOne()));
    }

    @Override
    public boolean retry(WebhookEvent retried) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createUpdate(RETRY)
                .bind("id", retried.id())
                .bind("nextAttemptAt", retried.nextAttemptAt())
                .bind("giveUpAt", retried.giveUpAt())
                .execute())) == 1;
    }
}
