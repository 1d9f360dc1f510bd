package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ApiKeyForm;
import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.FormToken;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;

/**
 * Opens App API key forms and opens them again after a failed attempt: each showing gets a fresh
 * anti-forgery token (only its hash is stored) and keeps the form's browser and original expiry.
 */
public final class PendingKeyForms {

    private final PendingKeyFormStore store;
    private final RandomSource random;

    public PendingKeyForms(PendingKeyFormStore store, RandomSource random) {
        this.store = store;
        this.random = random;
    }

    /** Opens the form of a redeemed connect session, bound to {@code bindingHash}, until {@code expiresAt}. */
    ApiKeyForm open(ConnectSession session, SecretHash bindingHash, Instant now, Instant expiresAt) {
        FormToken token = newToken();
        return show(PendingKeyForm.open(session, token.hash(), bindingHash, now, expiresAt), token, AppApiRegion.US);
    }

    /** The same form again after a failed attempt, under a fresh token, with the region the user chose. */
    ApiKeyForm reopen(PendingKeyForm consumed, AppApiRegion region) {
        FormToken token = newToken();
        return show(consumed.reissued(token.hash()), token, region);
    }

    private ApiKeyForm show(PendingKeyForm form, FormToken token, AppApiRegion region) {
        store.save(form);
        return new ApiKeyForm(token, form.returnTo().origin(), region);
    }

    private FormToken newToken() {
        return FormToken.fromRandom(random.bytes(FormToken.RANDOM_BYTES));
    }
}
