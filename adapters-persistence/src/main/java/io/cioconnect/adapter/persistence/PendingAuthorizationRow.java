package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.SecretHash;
import java.net.URI;
import java.time.Instant;
import org.jdbi.v3.core.statement.Update;

/**
 * A row of {@code pending_authorizations}: state and browser binding as hashes, the PKCE verifier encrypted,
 * the issuer (when known) with whether a callback must carry it.
 */
public record PendingAuthorizationRow(String stateHash, String pkceVerifier, String browserBindingHash, String issuer,
        boolean issuerRequired, String owner, String provider, String returnTo, String clientState, String scopes,
        Instant createdAt, Instant expiresAt) {

    static final EncryptedColumn PKCE_VERIFIER = new EncryptedColumn("pending_authorizations", "pkce_verifier");

    static PendingAuthorizationRow from(PendingAuthorization pending, FieldCipher cipher) {
        String rowId = pending.stateHash().hex();
        ExpectedIssuer issuer = pending.issuer();
        return new PendingAuthorizationRow(rowId, cipher.encrypt(pending.verifier().value(), PKCE_VERIFIER, rowId),
                pending.browserBindingHash().hex(), issuer == null ? null : issuer.value(),
                issuer == null || issuer.required(), pending.owner().value(), pending.provider().value(),
                pending.returnTo().uri().toString(), ClientStates.column(pending.clientState()), pending.scopes().render(),
                pending.createdAt(), pending.expiresAt());
    }

    /** Its columns bound one by one ({@code PendingAuthorizationDao.INSERT}): cheaper than {@code bindMethods}, on every flow. */
    Update bindTo(Update insert) {
        return insert.bind("stateHash", stateHash).bind("pkceVerifier", pkceVerifier)
                .bind("browserBindingHash", browserBindingHash).bind("issuer", issuer).bind("issuerRequired", issuerRequired)
                .bind("owner", owner).bind("provider", provider).bind("returnTo", returnTo).bind("clientState", clientState)
                .bind("scopes", scopes).bind("createdAt", createdAt).bind("expiresAt", expiresAt);
    }

    PendingAuthorization toDomain(FieldCipher cipher) {
        return new PendingAuthorization(new SecretHash(stateHash),
                new PkceVerifier(cipher.decrypt(pkceVerifier, PKCE_VERIFIER, stateHash)),
                new SecretHash(browserBindingHash), issuer == null ? null : new ExpectedIssuer(issuer, issuerRequired),
                new Owner(owner), new ProviderId(provider), new ReturnTo(URI.create(returnTo)),
                ClientStates.of(clientState), Scopes.parse(scopes), createdAt, expiresAt);
    }

    /** Hashes and ciphertexts stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "PendingAuthorizationRow[owner=" + owner + ", provider=" + provider + ", expiresAt=" + expiresAt
                + ", pkceVerifier=encrypted]";
    }
}
