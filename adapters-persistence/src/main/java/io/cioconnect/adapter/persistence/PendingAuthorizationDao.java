package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code pending_authorizations}. */
@RegisterConstructorMapper(PendingAuthorizationRow.class)
interface PendingAuthorizationDao {

    @SqlUpdate("""
            INSERT INTO pending_authorizations (state_hash, pkce_verifier, browser_binding_hash, issuer, owner, provider,
                                                return_to, scopes, created_at, expires_at)
            VALUES (:stateHash, :pkceVerifier, :browserBindingHash, :issuer, :owner, :provider,
                    :returnTo, :scopes, :createdAt, :expiresAt)""")
    void insert(@BindMethods PendingAuthorizationRow row);

    /** Atomic take: of two identical callbacks only one gets the row back. */
    @SqlQuery("DELETE FROM pending_authorizations WHERE state_hash = :stateHash RETURNING *")
    Optional<PendingAuthorizationRow> take(String stateHash);

    @SqlUpdate("DELETE FROM pending_authorizations WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
