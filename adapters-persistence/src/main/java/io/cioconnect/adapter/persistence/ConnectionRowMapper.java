package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads a {@code connections} row by column name: the one mapper of this row. Every row mapper of this
 * adapter is written out by hand, because JDBI's constructor mapper matches columns to parameters by
 * reflection on every query, which the benchmark showed to cost more than the query itself.
 */
final class ConnectionRowMapper implements RowMapper<ConnectionRow> {

    static final ConnectionRowMapper INSTANCE = new ConnectionRowMapper();

    private ConnectionRowMapper() {
    }

    @Override
    public ConnectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConnectionRow(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("provider"),
                rs.getString("status"), rs.getString("access_token"), rs.getString("refresh_token"),
                rs.getString("token_type"), instant(rs, "access_token_expires_at"), rs.getString("scopes"),
                rs.getString("app_api_region"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "last_refreshed_at"), rs.getString("last_error"), rs.getInt("refresh_failures"),
                instant(rs, "next_refresh_at"), rs.getBoolean("refresh_outcome_unknown"), rs.getLong("version"));
    }
}
