package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of {@code connections}. */
@RegisterConstructorMapper(ConnectionRow.class)
@RegisterConstructorMapper(ConnectionDao.Claimed.class)
interface ConnectionDao {

    /** What the database decided on an upsert: the id, creation time and version the row has now. */
    record Identity(UUID id, Instant createdAt, long version) {
    }

    /**
     * The first connection of its (owner, provider) pair: inserted, returning its version. When the pair has
     * one already nothing happens and nothing is returned (see {@link #LOCK_PAIR}). Run as a plain statement,
     * like {@link PostgresConnectionStore#FIND_BY_ID}: it is the callback's write.
     */
    String INSERT_IF_NEW = """
            INSERT INTO connections (id, owner, provider, status, access_token, refresh_token, token_type,
                                     access_token_expires_at, scopes, app_api_region, created_at, updated_at,
                                     last_refreshed_at, last_error, refresh_failures, next_refresh_at, version)
            VALUES (:id, :owner, :provider, :status, :accessToken, :refreshToken, :tokenType,
                    :accessTokenExpiresAt, :scopes, :appApiRegion, :createdAt, :updatedAt,
                    :lastRefreshedAt, :lastError, :refreshFailures, :nextRefreshAt, 0)
            ON CONFLICT (owner, provider) DO NOTHING
            RETURNING version""";

    /** The pair's existing connection, locked until the transaction ends so that a reconnection replaces it whole. */
    String LOCK_PAIR = "SELECT * FROM connections WHERE owner = :owner AND provider = :provider FOR UPDATE";

    /** The refresh lock: waits at most the transaction's {@code lock_timeout}. */
    @SqlQuery("SELECT * FROM connections WHERE id = :id FOR UPDATE")
    Optional<ConnectionRow> lockById(UUID id);

    @SqlQuery("""
            UPDATE connections SET
                status = :status, access_token = :accessToken, refresh_token = :refreshToken, token_type = :tokenType,
                access_token_expires_at = :accessTokenExpiresAt, scopes = :scopes, app_api_region = :appApiRegion,
                updated_at = :updatedAt, last_refreshed_at = :lastRefreshedAt, last_error = :lastError,
                refresh_failures = :refreshFailures, next_refresh_at = :nextRefreshAt, version = version + 1
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
