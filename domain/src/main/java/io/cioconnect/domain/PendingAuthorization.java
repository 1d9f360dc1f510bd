package io.cioconnect.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request sent to a provider and not yet answered: found by the hash of its state,
 * bound to one browser by the hash of its cookie, carrying the PKCE verifier for the code exchange.
 */
public record PendingAuthorization(
        SecretHash stateHash,
        PkceVerifier verifier,
        SecretHash browserBindingHash,
        String issuer,
        Owner owner,
        ProviderId provider,
        ReturnTo returnTo,
        Scopes scopes,
        Instant createdAt,
        Instant expiresAt) {

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

    /** The issuer the provider must name in {@code iss} (RFC 9207), when it has one. */
    public Optional<String> optionalIssuer() {
        return Optional.ofNullable(issuer);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True only when the browser presents the cookie this flow was started with. */
    public boolean isBoundTo(BrowserBinding binding) {
        return binding != null && MessageDigest.isEqual(
                browserBindingHash.hex().getBytes(StandardCharsets.US_ASCII),
                binding.hash().hex().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * True when the callback's {@code iss} is acceptable (RFC 9207 §2.4): when the provider has an issuer it
     * must be present and equal; a provider without one is not expected to send it.
     */
    public boolean acceptsIssuer(String iss) {
        return issuer == null || issuer.equals(iss);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[provider=" + provider + ", owner=" + owner + ", expiresAt=" + expiresAt + "]";
    }
}
