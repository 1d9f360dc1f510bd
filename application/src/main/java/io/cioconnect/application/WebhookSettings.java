package io.cioconnect.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhook events are delivered: how many are sent at once per instance, the deadline of one attempt,
 * how long a claim on an event outlasts that deadline, and how often each instance looks for due events.
 *
 * @param concurrency attempts in flight at once in one instance (each holds nothing of the database)
 * @param timeout     the deadline of one attempt, connecting included: no answer by then is a failure
 * @param claimMargin a claim lasts {@code timeout} plus this; a claim that ends unsettled (its holder was
 *                    killed) makes the event due again for any instance
 * @param interval    the pause between two looks for due events
 */
public record WebhookSettings(int concurrency, Duration timeout, Duration claimMargin, Duration interval) {

    public WebhookSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(claimMargin, "claimMargin");
        Objects.requireNonNull(interval, "interval");
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be between 1 and 64");
        }
    }

    /** 8 attempts at once, a 10 s deadline, claims of 30 s, a look every second. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(8, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1));
    }

    /** How long one claim lasts. */
    public Duration claim() {
        return timeout.plus(claimMargin);
    }
}
