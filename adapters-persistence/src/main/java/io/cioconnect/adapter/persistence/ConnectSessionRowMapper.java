package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code connect_sessions} row by column name (see {@link ConnectionRowMapper}). */
final class ConnectSessionRowMapper implements RowMapper<ConnectSessionRow> {

    static final ConnectSessionRowMapper INSTANCE = new ConnectSessionRowMapper();

    private ConnectSessionRowMapper() {
    }

    @Override
    public ConnectSessionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConnectSessionRow(rs.getObject("id", UUID.class), rs.getString("ticket_hash"), rs.getString("owner"),
                rs.getString("provider"), rs.getString("return_to"), rs.getString("client_state"), rs.getString("scopes"),
                instant(rs, "created_at"), instant(rs, "expires_at"));
    }
}
