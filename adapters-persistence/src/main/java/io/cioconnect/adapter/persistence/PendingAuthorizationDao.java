package io.cioconnect.adapter.persistence;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code pending_authorizations}. */
interface PendingAuthorizationDao {

    /** Run as a plain statement on the flow's path, like {@link #TAKE}. */
    String INSERT = """
            INSERT INTO pending_authorizations (state_hash, pkce_verifier, browser_binding_hash, issuer, issuer_required,
                                                owner, provider, return_to, client_state, scopes, created_at, expires_at)
            VALUES (:stateHash, :pkceVerifier, :browserBindingHash, :issuer, :issuerRequired,
                    :owner, :provider, :returnTo, :clientState, :scopes, :createdAt, :expiresAt)""";

    /**
     * Atomic take: of two identical callbacks only one gets the row back. Run through the fluent API with
     * {@link PendingAuthorizationRowMapper} on the callback's path (see {@link PostgresPendingAuthorizationStore}).
     */
    String TAKE = "DELETE FROM pending_authorizations WHERE state_hash = :stateHash RETURNING *";

    @SqlUpdate("DELETE FROM pending_authorizations WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
