package io.cioconnect.domain;

import java.util.Objects;
import java.util.UUID;

/** The stable id of a connection; it survives reconnection and is safe to show. */
public record ConnectionId(UUID value) {

    public ConnectionId {
        Objects.requireNonNull(value, "ConnectionId must not be null");
    }

    /** Parses the textual form; anything that is not a UUID names no connection, so it answers not found. */
    public static ConnectionId parse(String text) {
        try {
            UUID uuid = UUID.fromString(Objects.requireNonNull(text));
            // UUID.fromString is lenient ("1-1-1-1-1"); one id must have exactly one spelling.
            if (uuid.toString().equalsIgnoreCase(text)) {
                return new ConnectionId(uuid);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // falls through to the same answer as any other unknown id
        }
        throw new DomainException(ErrorCode.NOT_FOUND, "no connection with this id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
