package io.cioconnect.application.port.out;

import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventPosition;
import io.cioconnect.domain.WebhookEventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the webhook events still to deliver, and those delivered or given up on. Events enter it with
 * the change they announce ({@link ConnectionStore}, through a {@link ChangeAnnouncer}); this port claims,
 * settles, lists and retries them. Every call is one short unit of work.
 */
public interface WebhookOutbox {

    /**
     * Claims up to {@code limit} pending events due at {@code now} for {@code holder} until {@code until}, oldest
     * due first. Events another claimer holds under a live claim are skipped, never waited for, so instances
     * sharing the store split the work and one event is worked on by one holder at a time; a claim that ends
     * unsettled (its holder died) is claimed again.
     */
    List<WebhookEvent> claimDue(Instant now, UUID holder, Instant until, int limit);

    /**
     * Stores the outcome of an attempt ({@code settled}: delivered, pending again later, or failed) and ends the
     * claim, only while the claim is still {@code holder}'s. False when it is not (the claim ended and another
     * holder took the event): nothing is written.
     */
    boolean settle(WebhookEvent settled, UUID holder);

    /** At most {@code limit} events with {@code status} (null: any), oldest first, starting after {@code after}. */
    List<WebhookEvent> list(WebhookEventStatus status, WebhookEventPosition after, int limit);

    Optional<WebhookEvent> find(UUID id);

    /** Makes a failed event pending again as {@code retried} says; false when it is no longer failed. */
    boolean retry(WebhookEvent retried);
}
