package io.cioconnect.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a connection's credentials can be used, and which changes between states are legal. */
public enum ConnectionStatus {
    /** The tokens work, or can be refreshed. */
    ACTIVE,
    /** The provider refused the refresh token; only a new connect flow can repair the connection. */
    REAUTHORIZATION_REQUIRED;

    /** The wire form: {@code reauthorization_required}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form. */
    public static ConnectionStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status whose wire form is exactly {@code value}; empty for anything else (a filter a client typed). */
    public static Optional<ConnectionStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }

    /** Any state may become active again by reconnecting; only an active connection can lose its grant. */
    public boolean canBecome(ConnectionStatus next) {
        return next == ACTIVE || this == ACTIVE;
    }
}
