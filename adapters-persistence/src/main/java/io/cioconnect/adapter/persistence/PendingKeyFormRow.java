package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.SecretHash;
import java.net.URI;
import java.time.Instant;

/** A row of {@code pending_key_forms}: the form's token and the browser binding as hashes, nothing secret in clear. */
public record PendingKeyFormRow(String tokenHash, String browserBindingHash, String owner, String provider,
        String returnTo, String clientState, Instant createdAt, Instant expiresAt) {

    static PendingKeyFormRow from(PendingKeyForm form) {
        return new PendingKeyFormRow(form.tokenHash().hex(), form.browserBindingHash().hex(), form.owner().value(),
                form.provider().value(), form.returnTo().uri().toString(), ClientStates.column(form.clientState()),
                form.createdAt(), form.expiresAt());
    }

    PendingKeyForm toDomain() {
        return new PendingKeyForm(new SecretHash(tokenHash), new SecretHash(browserBindingHash), new Owner(owner),
                new ProviderId(provider), new ReturnTo(URI.create(returnTo)), ClientStates.of(clientState), createdAt,
                expiresAt);
    }

    /** Hashes and the client state stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "PendingKeyFormRow[owner=" + owner + ", provider=" + provider + ", expiresAt=" + expiresAt + "]";
    }
}
