package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code pending_revocations} row by column name (see {@link ConnectionRowMapper}). */
final class RevocationRowMapper implements RowMapper<RevocationRow> {

    static final RevocationRowMapper INSTANCE = new RevocationRowMapper();

    private RevocationRowMapper() {
    }

    @Override
    public RevocationRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RevocationRow(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("token"),
                rs.getString("token_type_hint"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"));
    }
}
