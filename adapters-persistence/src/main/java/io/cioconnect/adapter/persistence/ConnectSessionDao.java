package io.cioconnect.adapter.persistence;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code connect_sessions}. */
interface ConnectSessionDao {

    /** Run as a plain statement on the flow's path (see {@link PostgresConnectSessionStore}). */
    String INSERT = """
            INSERT INTO connect_sessions (id, ticket_hash, owner, provider, return_to, client_state, scopes, created_at,
                                          expires_at)
            VALUES (:id, :ticketHash, :owner, :provider, :returnTo, :clientState, :scopes, :createdAt, :expiresAt)""";

    /** Atomic take: of concurrent callers only one gets the row back. Run as a plain query, like {@link #INSERT}. */
    String TAKE = "DELETE FROM connect_sessions WHERE ticket_hash = :ticketHash RETURNING *";

    @SqlUpdate("DELETE FROM connect_sessions WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
