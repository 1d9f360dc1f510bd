package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ApiKeyForm;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.SecretHash;
import io.cioconnect.domain.State;
import java.time.Instant;

/**
 * Pending App API key forms, kept as pending authorizations: found by the hash of the form's anti-forgery
 * token (in the place of the OAuth state), bound to the browser's cookie, consumed atomically on submit,
 * expiring and purged like any flow. The PKCE verifier has no use here; a random one keeps the record whole.
 * A form shown again gets a fresh token and keeps its original expiry.
 */
final class PendingKeyForms {

    private final PendingAuthorizationStore store;
    private final RandomSource random;

    PendingKeyForms(PendingAuthorizationStore store, RandomSource random) {
        this.store = store;
        this.random = random;
    }

    /** Opens the form of a redeemed connect session, bound to {@code bindingHash}, until {@code expiresAt}. */
    ApiKeyForm open(ConnectSession session, SecretHash bindingHash, Instant now, Instant expiresAt) {
        State token = State.fromRandom(random.bytes(State.RANDOM_BYTES));
        store.save(new PendingAuthorization(token.hash(), randomVerifier(), bindingHash, null, session.owner(),
                session.provider(), session.returnTo(), session.scopes(), now, expiresAt));
        return new ApiKeyForm(token, session.returnTo().origin(), AppApiRegion.US);
    }

    /** The same form again after a failed attempt, under a fresh token, with the region the user chose. */
    ApiKeyForm reopen(PendingAuthorization consumed, AppApiRegion region) {
        State token = State.fromRandom(random.bytes(State.RANDOM_BYTES));
        store.save(new PendingAuthorization(token.hash(), randomVerifier(), consumed.browserBindingHash(), null,
                consumed.owner(), consumed.provider(), consumed.returnTo(), consumed.scopes(), consumed.createdAt(),
                consumed.expiresAt()));
        return new ApiKeyForm(token, consumed.returnTo().origin(), region);
    }

    private PkceVerifier randomVerifier() {
        return PkceVerifier.fromRandom(random.bytes(PkceVerifier.RANDOM_BYTES));
    }
}
