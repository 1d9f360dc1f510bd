package io.cioconnect.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request sent to a provider and not yet answered: found by the hash of its state,
 * bound to one browser by the hash of its cookie, carrying the PKCE verifier for the code exchange and
 * the issuer whose {@code iss} the callback must carry, when the provider has one.
 */
public record PendingAuthorization(
        SecretHash stateHash,
        PkceVerifier verifier,
        SecretHash browserBindingHash,
        ExpectedIssuer issuer,
        Owner owner,
        ProviderId provider,
        ReturnTo returnTo,
        ClientState clientState,
        Scopes scopes,
        Instant createdAt,
        Instant expiresAt) implements PendingFlow {

    public PendingAuthorization {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(browserBindingHash, "browserBindingHash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a pending authorization must expire after it is created");
        }
    }

    public PkceChallenge challenge() {
        return verifier.challenge();
    }

    /** The issuer the provider must name in {@code iss} (RFC 9207), when it is known. */
    public Optional<ExpectedIssuer> optionalIssuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * True when the callback's {@code iss} (maybe {@code null}) is acceptable (RFC 9207 §2.4): whenever the
     * issuer is known, an {@code iss} must equal it; see {@link ExpectedIssuer#accepts} for a missing one.
     */
    public boolean acceptsIssuer(String iss) {
        return issuer == null || issuer.accepts(iss);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[provider=" + provider + ", owner=" + owner + ", expiresAt=" + expiresAt + "]";
    }
}
