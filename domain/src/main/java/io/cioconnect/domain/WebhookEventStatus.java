package io.cioconnect.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a webhook event stands: still to be delivered (or being retried), delivered, or given up on. */
public enum WebhookEventStatus {
    PENDING,
    DELIVERED,
    FAILED;

    /** The wire form: {@code pending}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose wire form is exactly {@code value}; empty for anything else (a filter a client typed). */
    public static Optional<WebhookEventStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }
}
