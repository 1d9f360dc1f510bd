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
@RegisterConstructorMapper(ConnectionDao.Claimed.class)
interface ConnectionDao {

    /** What the database decided on an upsert: the id, creation time and version the row has now. */
    record Identity(UUID id, Instant createdAt, long version) {
    }

    /**
     * Inserts, or takes over the owner's existing connection to the provider, keeping its id and creation
     * time. The tokens of an existing row are left alone here: their ciphertexts are bound to the row id,
     * so the caller re-encrypts them for the id that won and writes them with {@link #updateTokens}.
     */
    String UPSERT = """
            INSERT INTO connections (id, owner, provider, status, access_token, refresh_token, token_type,
                                     access_token_expires_at, scopes, created_at, updated_at, last_refreshed_at,
                                     last_error, refresh_failures, next_refresh_at, version)
            VALUES (:id, :owner, :provider, :status, :accessToken, :refreshToken, :tokenType,
                    :accessTokenExpiresAt, :scopes, :createdAt, :updatedAt, :lastRefreshedAt,
                    :lastError, :refreshFailures, :nextRefreshAt, 0)
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
                version = connections.version + 1
            RETURNING id, created_at, version""";

    @SqlUpdate("UPDATE connections SET access_token = :accessToken, refresh_token = :refreshToken WHERE id = :id")
    void updateTokens(@BindMethods ConnectionRow row);

    /** The refresh lock: waits at most the transaction's {@code lock_timeout}. */
    @SqlQuery("SELECT * FROM connections WHERE id = :id FOR UPDATE")
    Optional<ConnectionRow> lockById(UUID id);

    @SqlQuery("""
            UPDATE connections SET
                status = :status, access_token = :accessToken, refresh_token = :refreshToken, token_type = :tokenType,
                access_token_expires_at = :accessTokenExpiresAt, scopes = :scopes, updated_at = :updatedAt,
                last_refreshed_at = :lastRefreshedAt, last_error = :lastError, refresh_failures = :refreshFailures,
                next_refresh_at = :nextRefreshAt, version = version + 1
            WHERE id = :id
            RETURNING version""")
    Optional<Long> update(@BindMethods ConnectionRow row);

    /**
     * Claims due connections in one statement: rows whose refresh lock is held are skipped, the claimed ones
     * are hidden until {@code leaseEnd}, and their versions are left alone (a claim changes no credential).
     */
    @SqlQuery("""
            UPDATE connections c SET next_refresh_at = :leaseEnd
            FROM (SELECT id FROM connections
                  WHERE status = 'active'
                    AND refresh_token IS NOT NULL
                    AND access_token_expires_at <= :dueBefore
                    AND (next_refresh_at IS NULL OR next_refresh_at <= :now)
                  ORDER BY access_token_expires_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.id, c.version, c.access_token_expires_at""")
    List<Claimed> claimForRefresh(Instant now, Instant dueBefore, Instant leaseEnd, int limit);

    /** A claimed row: its id, its version, and its expiry to hand the claims back soonest first. */
    record Claimed(UUID id, long version, Instant accessTokenExpiresAt) {
    }

    @SqlQuery("DELETE FROM connections WHERE id = :id RETURNING *")
    Optional<ConnectionRow> delete(UUID id);
}
