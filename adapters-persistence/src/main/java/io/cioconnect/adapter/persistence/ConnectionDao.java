package io.cioconnect.adapter.persistence;

/** SQL of {@code connections}, run as plain JDBI statements whose rows {@link ConnectionRowMapper} reads. */
interface ConnectionDao {

    /**
     * The first connection of its (owner, provider) pair: inserted, returning its version. When the pair has
     * one already nothing happens and nothing is returned (see {@link #LOCK_PAIR}).
     */
    String INSERT_IF_NEW = """
            INSERT INTO connections (id, owner, provider, status, access_token, refresh_token, token_type,
                                     access_token_expires_at, scopes, app_api_region, created_at, updated_at,
                                     last_refreshed_at, last_error, refresh_failures, next_refresh_at,
                                     refresh_outcome_unknown, version)
            VALUES (:id, :owner, :provider, :status, :accessToken, :refreshToken, :tokenType,
                    :accessTokenExpiresAt, :scopes, :appApiRegion, :createdAt, :updatedAt,
                    :lastRefreshedAt, :lastError, :refreshFailures, :nextRefreshAt, :refreshOutcomeUnknown, 0)
            ON CONFLICT (owner, provider) DO NOTHING
            RETURNING version""";

    /** The pair's existing connection, locked until the transaction ends so that a reconnection replaces it whole. */
    String LOCK_PAIR = "SELECT * FROM connections WHERE owner = :owner AND provider = :provider FOR UPDATE";

    /**
     * A write of a whole connection (all but its id, owner, provider and creation time) that bumps its version
     * and ends any refresh lease on it; the caller adds which row, under which condition.
     */
    String WRITE_ROW = """
            UPDATE connections SET
                status = :status, access_token = :accessToken, refresh_token = :refreshToken, token_type = :tokenType,
                access_token_expires_at = :accessTokenExpiresAt, scopes = :scopes, app_api_region = :appApiRegion,
                updated_at = :updatedAt, last_refreshed_at = :lastRefreshedAt, last_error = :lastError,
                refresh_failures = :refreshFailures, next_refresh_at = :nextRefreshAt,
                refresh_outcome_unknown = :refreshOutcomeUnknown, refresh_holder = NULL, refresh_lease_until = NULL,
                version = version + 1
            """;

    /**
     * A reconnection's write over the locked row. Ending the lease means a refresh still running with the
     * replaced grant writes nothing (its compare-and-set finds another version) and the next need not wait for it.
     */
    String REPLACE = WRITE_ROW + "WHERE id = :id RETURNING version";

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
    String COMPLETE_REFRESH = WRITE_ROW
            + "WHERE id = :id AND refresh_holder = :holder AND version = :leaseVersion RETURNING version";

    String RELEASE_REFRESH = "UPDATE connections SET refresh_holder = NULL, refresh_lease_until = NULL"
            + " WHERE id = :id AND refresh_holder = :holder";

    String DELETE = "DELETE FROM connections WHERE id = :id RETURNING *";
}
