package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code connect_sessions}. */
@RegisterConstructorMapper(ConnectSessionRow.class)
interface ConnectSessionDao {

    @SqlUpdate("""
            INSERT INTO connect_sessions (id, ticket_hash, owner, provider, return_to, scopes, created_at, expires_at)
            VALUES (:id, :ticketHash, :owner, :provider, :returnTo, :scopes, :createdAt, :expiresAt)""")
    void insert(@BindMethods ConnectSessionRow row);

    /** Atomic take: of concurrent callers only one gets the row back. */
    @SqlQuery("DELETE FROM connect_sessions WHERE ticket_hash = :ticketHash RETURNING *")
    Optional<ConnectSessionRow> take(String ticketHash);

    @SqlUpdate("DELETE FROM connect_sessions WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
