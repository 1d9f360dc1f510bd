package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.WebhookEvent;
import io.cioconnect.domain.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a change to a connection into the webhook event that tells the host about it: a fresh id (the
 * {@code webhook-id}), the time, and the connection's metadata as the host API shows it, never a credential.
 * Announces nothing when webhooks are off, so no outbox grows that nobody delivers.
 */
public final class WebhookAnnouncer implements ChangeAnnouncer {

    private final boolean enabled;
    private final ConnectionSummaries summaries;
    private final RandomSource random;
    private final Clock clock;

    public WebhookAnnouncer(boolean enabled, ProviderRegistry providers, RandomSource random, Clock clock) {
        this.enabled = enabled;
        this.summaries = new ConnectionSummaries(providers);
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Optional<WebhookEvent> announce(WebhookEventType type, Connection changed) {
        if (!enabled) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String body = WebhookBody.of(type, now, summaries.of(changed));
        return Optional.of(WebhookEvent.announce(random.uuid(), type, changed.id(), body, now));
    }
}
