package io.cioconnect.adapter.persistence;

/**
 * SQL of {@code oauth_client_registrations}, run as plain JDBI statements whose rows
 * {@link ClientRegistrationRowMapper} reads.
 */
interface ClientRegistrationDao {

    String FIND = "SELECT * FROM oauth_client_registrations WHERE issuer = :issuer AND redirect_uri = :redirectUri";

    /** Inserts unless a client is kept for the issuer and redirect URI; a racing insert waits, then does nothing. */
    String INSERT_IF_ABSENT = """
            INSERT INTO oauth_client_registrations (id, issuer, redirect_uri, client_id, client_secret,
                                                    client_secret_expires_at, token_endpoint_auth_method, registered_at)
            VALUES (:id, :issuer, :redirectUri, :clientId, :clientSecret, :clientSecretExpiresAt,
                    :tokenEndpointAuthMethod, :registeredAt)
            ON CONFLICT (issuer, redirect_uri) DO NOTHING""";

    /** Replaces the client in place only while it is still {@code staleClientId}; the row takes the fresh id. */
    String REPLACE = """
            UPDATE oauth_client_registrations
            SET id = :id, client_id = :clientId, client_secret = :clientSecret,
                client_secret_expires_at = :clientSecretExpiresAt,
                token_endpoint_auth_method = :tokenEndpointAuthMethod, registered_at = :registeredAt
            WHERE issuer = :issuer AND redirect_uri = :redirectUri AND client_id = :staleClientId""";
}
