package io.cioconnect.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the listing order of connections, oldest first and ties by id: a page of a listing starts
 * just after one. Ids compare as their canonical text, which is the byte order PostgreSQL sorts {@code uuid} in.
 */
public record ListPosition(Instant createdAt, ConnectionId id) implements Comparable<ListPosition> {

    private static final Comparator<ListPosition> ORDER = Comparator.comparing(ListPosition::createdAt)
            .thenComparing(position -> position.id().toString());

    public ListPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static ListPosition of(Connection connection) {
        return new ListPosition(connection.createdAt(), connection.id());
    }

    /** True when {@code connection} comes after this place in the listing order. */
    public boolean precedes(Connection connection) {
        return compareTo(of(connection)) < 0;
    }

    @Override
    public int compareTo(ListPosition other) {
        return ORDER.compare(this, other);
    }
}
