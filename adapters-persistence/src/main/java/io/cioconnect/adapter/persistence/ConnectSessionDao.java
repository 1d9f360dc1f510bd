package io.cioconnect.adapter.persistence;

/** SQL of {@code connect_sessions}. */
interface ConnectSessionDao {

    String INSERT = """
            INSERT INTO connect_sessions (id, ticket_hash, owner, provider, return_to, client_state, scopes, created_at,
                                          expires_at)
            VALUES (:id, :ticketHash, :owner, :provider, :returnTo, :clientState, :scopes, :createdAt, :expiresAt)""";

    /** Atomic take: of concurrent callers only one gets the row back. */
    String TAKE = "DELETE FROM connect_sessions WHERE ticket_hash = :ticketHash RETURNING *";

    String DELETE_EXPIRED = "DELETE FROM connect_sessions WHERE expires_at <= :now";
}
