package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a {@code pending_authorizations} row by column name (see {@link ConnectionRowMapper}). */
final class PendingAuthorizationRowMapper implements RowMapper<PendingAuthorizationRow> {

    static final PendingAuthorizationRowMapper INSTANCE = new PendingAuthorizationRowMapper();

    private PendingAuthorizationRowMapper() {
    }

    @Override
    public PendingAuthorizationRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PendingAuthorizationRow(rs.getString("state_hash"), rs.getString("pkce_verifier"),
                rs.getString("browser_binding_hash"), rs.getString("issuer"), rs.getBoolean("issuer_required"),
                rs.getString("owner"), rs.getString("provider"), rs.getString("return_to"), rs.getString("client_state"),
                rs.getString("scopes"), instant(rs, "created_at"), instant(rs, "expires_at"));
    }
}
