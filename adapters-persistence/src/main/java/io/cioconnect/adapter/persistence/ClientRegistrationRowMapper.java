package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an {@code oauth_client_registrations} row by column name (see {@link ConnectionRowMapper}). */
final class ClientRegistrationRowMapper implements RowMapper<ClientRegistrationRow> {

    static final ClientRegistrationRowMapper INSTANCE = new ClientRegistrationRowMapper();

    private ClientRegistrationRowMapper() {
    }

    @Override
    public ClientRegistrationRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ClientRegistrationRow(rs.getObject("id", UUID.class), rs.getString("issuer"),
                rs.getString("redirect_uri"), rs.getString("client_id"), rs.getString("client_secret"),
                instant(rs, "client_secret_expires_at"), rs.getString("token_endpoint_auth_method"),
                instant(rs, "registered_at"));
    }
}
