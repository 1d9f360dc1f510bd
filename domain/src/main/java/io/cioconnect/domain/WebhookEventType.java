package io.cioconnect.domain;

import java.util.Locale;
import java.util.Optional;

/** What changed about a connection, as a webhook tells the host application ({@code connection.created}, ...). */
public enum WebhookEventType {
    CREATED,
    RECONNECTED,
    REAUTHORIZATION_REQUIRED,
    REFRESH_FAILING,
    REFRESH_RECOVERED,
    DELETED;

    /** The wire form: {@code connection.refresh_failing}. */
    public String wireName() {
        return "connection." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a refresh that turned {@code before} into {@code after} announces, if anything: a lost grant; the
     * start of a "refresh failing" episode ({@link Connection#isRefreshFailing()}), once; or its end by a
     * successful refresh.
     */
    public static Optional<WebhookEventType> ofRefresh(Connection before, Connection after) {
        if (before.isActive() && !after.isActive()) {
            return Optional.of(REAUTHORIZATION_REQUIRED);
        }
        if (after.isRefreshFailing() && !before.isRefreshFailing()) {
            return Optional.of(REFRESH_FAILING);
        }
        if (before.isRefreshFailing() && after.isActive() && after.refreshFailures() == 0) {
            return Optional.of(REFRESH_RECOVERED);
        }
        return Optional.empty();
    }

    /** Parses the wire form. */
    public static WebhookEventType fromWireName(String value) {
        if (!value.startsWith("connection.")) {
            throw new IllegalArgumentException("not a webhook event type");
        }
        return valueOf(value.substring("connection.".length()).toUpperCase(Locale.ROOT));
    }
}
