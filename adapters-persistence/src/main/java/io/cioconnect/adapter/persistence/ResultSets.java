package io.cioconnect.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column reads the hand-written row mappers share. */
final class ResultSets {

    private ResultSets() {
    }

    /** A {@code timestamptz} column as an {@link Instant}, or {@code null}. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
