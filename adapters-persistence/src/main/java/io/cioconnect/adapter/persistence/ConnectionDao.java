package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code connections}. */
@RegisterConstructorMapper(ConnectionRow.class)
interface ConnectionDao {

    /** What the database decided on an upsert: the id, creation time and version the row has now. */
    record Identity(UUID id, Instant createdAt, long version) {
    }

    @SqlQuery("SELECT * FROM connections WHERE owner = :owner ORDER BY created_at, id")
    List<ConnectionRow> findByOwner(String owner);

    /**
     * Inserts, or takes over the owner's existing connection to the provider, keeping its id and creation
     * time and ending any refresh lease on it. The tokens of an existing row are left alone here: their
     * ciphertexts are bound to the row id, so the caller re-encrypts them for the id that won and writes them
     * with {@link #updateTokens}.
     */
    String UPSERT = """
            INSERT INTO connections (id, owner, provider, status, access_token, refresh_token, token_type,
                                     access_token_expires_at, scopes, created_at, updated_at, last_refreshed_at,
                                     last_error, refresh_failures, next_refresh_at, refresh_outcome_unknown, version)
            VALUES (:id, :owner, :provider, :status, :accessToken, :refreshToken, :tokenType,
                    :accessTokenExpiresAt, :scopes, :createdAt, :updatedAt, :lastRefreshedAt,
                    :lastError, :refreshFailures, :nextRefreshAt, :refreshOutcomeUnknown, 0)
            ON CONFLICT (owner, provider) DO UPDATE SET
                status = EXCLUDED.status,
                token_type = EXCLUDED.token_type,
                access_token_expires_at = EXCLUDED.access_token_expires_at,
                scopes = EXCLUDED.scopes,
                updated_at = EXCLUDED.updated_at,
                last_refreshed_at = EXCLUDED.last_refreshed_at,
                last_error = EXCLUDED.last_error,
                refresh_failures = EXCLUDED.refresh_failures,
                next_refresh_at = EXCLUDED.next_refresh_at,
                refresh_outcome_unknown = EXCLUDED.refresh_outcome_unknown,
                refresh_holder = NULL,
                refresh_lease_until = NULL,
                version = connections.version + 1
            RETURNING id, created_at, version""";

    @SqlUpdate("UPDATE connections SET access_token = :accessToken, refresh_token = :refreshToken WHERE id = :id")
    void updateTokens(@BindMethods ConnectionRow row);

    /** A refresh lease, taken only on the version the caller saw and when no other lease is live. */
    String CLAIM_REFRESH = """
            UPDATE connections SET refresh_holder = :holder, refresh_lease_until = :until
            WHERE id = :id AND version = :version AND (refresh_lease_until IS NULL OR refresh_lease_until <= :now)
            RETURNING *""";

    /**
     * The background refresher's claims in one statement: rows another transaction has locked are skipped,
     * the claimed ones get one holder's lease, and their versions are left alone (a claim changes no credential).
     */
    String CLAIM_DUE = """
            UPDATE connections c SET refresh_holder = :holder, refresh_lease_until = :until
            FROM (SELECT id FROM connections
                  WHERE provider = :provider
                    AND status = 'active'
                    AND refresh_token IS NOT NULL
                    AND access_token_expires_at <= :dueBefore
                    AND (next_refresh_at IS NULL OR next_refresh_at <= :now)
                    AND (refresh_lease_until IS NULL OR refresh_lease_until <= :now)
                  ORDER BY access_token_expires_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.*""";

    /** The one write of a refresh: only while the lease is the holder's and the row unchanged; ends the lease. */
    String COMPLETE_REFRESH = """
            UPDATE connections SET
                status = :status, access_token = :accessToken, refresh_token = :refreshToken, token_type = :tokenType,
                access_token_expires_at = :accessTokenExpiresAt, scopes = :scopes, updated_at = :updatedAt,
                last_refreshed_at = :lastRefreshedAt, last_error = :lastError, refresh_failures = :refreshFailures,
                next_refresh_at = :nextRefreshAt, refresh_outcome_unknown = :refreshOutcomeUnknown,
                refresh_holder = NULL, refresh_lease_until = NULL, version = version + 1
            WHERE id = :id AND refresh_holder = :holder AND version = :leaseVersion
            RETURNING version""";

    @SqlUpdate("UPDATE connections SET refresh_holder = NULL, refresh_lease_until = NULL"
            + " WHERE id = :id AND refresh_holder = :holder")
    void releaseRefresh(UUID id, UUID holder);

    @SqlQuery("DELETE FROM connections WHERE id = :id RETURNING *")
    Optional<ConnectionRow> delete(UUID id);
}
