package io.cioconnect.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * What every connect flow waiting for the browser knows, whatever it waits for (a provider's callback, a
 * pasted App API key): whose connection it makes, where the browser returns, the host's client state, the
 * browser it is bound to, and when it expires.
 */
public sealed interface PendingFlow permits PendingAuthorization, PendingKeyForm {

    Owner owner();

    ProviderId provider();

    ReturnTo returnTo();

    /** The host's {@code client_state}, or {@code null} when it sent none. */
    ClientState clientState();

    SecretHash browserBindingHash();

    Instant expiresAt();

    /** True only when the browser presents the cookie this flow was started with (compared in constant time). */
    default boolean isBoundTo(BrowserBinding binding) {
        return binding != null && MessageDigest.isEqual(
                browserBindingHash().hex().getBytes(StandardCharsets.US_ASCII),
                binding.hash().hex().getBytes(StandardCharsets.US_ASCII));
    }

    default boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }
}
