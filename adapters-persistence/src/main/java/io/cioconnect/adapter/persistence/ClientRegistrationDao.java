package io.cioconnect.adapter.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code oauth_client_registrations}. */
@RegisterConstructorMapper(ClientRegistrationRow.class)
interface ClientRegistrationDao {

    @SqlQuery("SELECT * FROM oauth_client_registrations WHERE issuer = :issuer AND redirect_uri = :redirectUri")
    Optional<ClientRegistrationRow> find(String issuer, String redirectUri);

    /** Inserts unless a client is kept for the issuer and redirect URI; a racing insert waits, then does nothing. */
    @SqlUpdate("""
            INSERT INTO oauth_client_registrations (id, issuer, redirect_uri, client_id, client_secret,
                                                    client_secret_expires_at, token_endpoint_auth_method, registered_at)
            VALUES (:id, :issuer, :redirectUri, :clientId, :clientSecret, :clientSecretExpiresAt,
                    :tokenEndpointAuthMethod, :registeredAt)
            ON CONFLICT (issuer, redirect_uri) DO NOTHING""")
    int insertIfAbsent(@BindMethods ClientRegistrationRow row);

    /** Replaces the client in place only while it is still {@code staleClientId}; the row takes the fresh id. */
    @SqlUpdate("""
            UPDATE oauth_client_registrations
            SET id = :id, client_id = :clientId, client_secret = :clientSecret,
                client_secret_expires_at = :clientSecretExpiresAt,
                token_endpoint_auth_method = :tokenEndpointAuthMethod, registered_at = :registeredAt
            WHERE issuer = :issuer AND redirect_uri = :redirectUri AND client_id = :staleClientId""")
    int replace(@BindMethods ClientRegistrationRow row, String staleClientId);
}
