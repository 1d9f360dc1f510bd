package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code pending_key_forms} row by column name (see {@link ConnectionRowMapper}). */
final class PendingKeyFormRowMapper implements RowMapper<PendingKeyFormRow> {

    static final PendingKeyFormRowMapper INSTANCE = new PendingKeyFormRowMapper();

    private PendingKeyFormRowMapper() {
    }

    @Override
    public PendingKeyFormRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PendingKeyFormRow(rs.getString("token_hash"), rs.getString("browser_binding_hash"),
                rs.getString("owner"), rs.getString("provider"), rs.getString("return_to"), rs.getString("client_state"),
                instant(rs, "created_at"), instant(rs, "expires_at"));
    }
}
