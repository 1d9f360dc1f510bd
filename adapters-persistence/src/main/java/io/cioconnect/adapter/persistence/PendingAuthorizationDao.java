package io.cioconnect.adapter.persistence;

/** SQL of {@code pending_authorizations}. */
interface PendingAuthorizationDao {

    String INSERT = """
            INSERT INTO pending_authorizations (state_hash, pkce_verifier, browser_binding_hash, issuer, issuer_required,
                                                owner, provider, return_to, client_state, scopes, created_at, expires_at)
            VALUES (:stateHash, :pkceVerifier, :browserBindingHash, :issuer, :issuerRequired,
                    :owner, :provider, :returnTo, :clientState, :scopes, :createdAt, :expiresAt)""";

    /** Atomic take: of two identical callbacks only one gets the row back. */
    String TAKE = "DELETE FROM pending_authorizations WHERE state_hash = :stateHash RETURNING *";

    String DELETE_EXPIRED = "DELETE FROM pending_authorizations WHERE expires_at <= :now";
}
