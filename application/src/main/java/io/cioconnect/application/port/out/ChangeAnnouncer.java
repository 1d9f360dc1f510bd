package io.cioconnect.application.port.out;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventType;
import java.util.Optional;

/**
 * What a store asks, inside the transaction that changes a connection, for the webhook event announcing the
 * change: the event to put in the outbox beside the change, or nothing when webhooks are off.
 */
@FunctionalInterface
public interface ChangeAnnouncer {

    /** Announces nothing: for stores used without webhooks. */
    ChangeAnnouncer NONE = (type, changed) -> Optional.empty();

    /** The event telling the host that {@code changed} (as stored, or as deleted) went through {@code type}. */
    Optional<WebhookEvent> announce(WebhookEventType type, Connection changed);
}
