package io.cioconnect.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An App API key form shown to a browser and not yet submitted: found by the hash of its anti-forgery
 * {@link FormToken}, bound to one browser by the hash of its cookie. Unlike an OAuth flow it has no
 * verifier, no state and no scopes: a key is pasted, not granted.
 */
public record PendingKeyForm(
        SecretHash tokenHash,
        SecretHash browserBindingHash,
        Owner owner,
        ProviderId provider,
        ReturnTo returnTo,
        ClientState clientState,
        Instant createdAt,
        Instant expiresAt) implements PendingFlow {

    public PendingKeyForm {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(browserBindingHash, "browserBindingHash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a pending key form must expire after it is created");
        }
    }

    /** The form of a redeemed connect session, bound to the browser with {@code bindingHash}. */
    public static PendingKeyForm open(ConnectSession session, SecretHash tokenHash, SecretHash bindingHash, Instant now,
            Instant expiresAt) {
        return new PendingKeyForm(tokenHash, bindingHash, session.owner(), session.provider(), session.returnTo(),
                session.clientState(), now, expiresAt);
    }

    /** The same form shown again after a failed attempt: a new token, the same browser, owner and expiry. */
    public PendingKeyForm reissued(SecretHash newTokenHash) {
        return new PendingKeyForm(newTokenHash, browserBindingHash, owner, provider, returnTo, clientState, createdAt,
                expiresAt);
    }

    @Override
    public String toString() {
        return "PendingKeyForm[provider=" + provider + ", owner=" + owner + ", expiresAt=" + expiresAt + "]";
    }
}
