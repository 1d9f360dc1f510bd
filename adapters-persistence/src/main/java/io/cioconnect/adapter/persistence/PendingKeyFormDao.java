package io.cioconnect.adapter.persistence;

/** SQL of {@code pending_key_forms}. */
interface PendingKeyFormDao {

    String INSERT = """
            INSERT INTO pending_key_forms (token_hash, browser_binding_hash, owner, provider, return_to, client_state,
                                           created_at, expires_at)
            VALUES (:tokenHash, :browserBindingHash, :owner, :provider, :returnTo, :clientState, :createdAt, :expiresAt)""";

    /** Atomic take: of two identical submissions only one gets the row back. */
    String TAKE = "DELETE FROM pending_key_forms WHERE token_hash = :tokenHash RETURNING *";

    String DELETE_EXPIRED = "DELETE FROM pending_key_forms WHERE expires_at <= :now";
}
