package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.bytes;
import static io.cioconnect.domain.DomainFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PendingAuthorizationTest {

    private static final String ISSUER = "https://fly.customer.io";
    private static final ExpectedIssuer PROMISED = new ExpectedIssuer(ISSUER, true);
    private static final ExpectedIssuer KNOWN = new ExpectedIssuer(ISSUER, false);
    private final BrowserBinding binding = BrowserBinding.fromRandom(bytes(32, 1));

    @Test
    void isBoundToTheBrowserThatStartedIt() {
        assertThat(pending(binding, null).isBoundTo(new BrowserBinding(binding.value()))).isTrue();
    }

    @Test
    void isNotBoundToAnotherBrowser() {
        assertThat(pending(binding, null).isBoundTo(BrowserBinding.fromRandom(bytes(32, 2)))).isFalse();
    }

    @Test
    void isNotBoundToABrowserWithoutTheCookie() {
        assertThat(pending(binding, null).isBoundTo(null)).isFalse();
    }

    @Test
    void acceptsOnlyItsOwnIssuerAndRequiresItWhenTheProviderPromisesIss() {
        PendingAuthorization pending = pending(binding, PROMISED);

        assertThat(pending.acceptsIssuer(ISSUER)).isTrue();
        assertThat(pending.acceptsIssuer("https://evil.example")).isFalse();
        assertThat(pending.acceptsIssuer(ISSUER + "/")).isFalse();
        assertThat(pending.acceptsIssuer(null)).isFalse();
        assertThat(pending.optionalIssuer()).contains(PROMISED);
    }

    @Test
    void comparesAnIssPresentWithAKnownIssuerEvenWhenTheProviderDoesNotPromiseIt() {
        PendingAuthorization pending = pending(binding, KNOWN);

        assertThat(pending.acceptsIssuer(ISSUER)).isTrue();
        assertThat(pending.acceptsIssuer("https://evil.example")).isFalse();
        assertThat(pending.acceptsIssuer(ISSUER.toUpperCase(java.util.Locale.ROOT))).isFalse();
        assertThat(pending.acceptsIssuer(null)).as("not promised, so it may be missing").isTrue();
    }

    @Test
    void acceptsAnyIssuerWhenTheProviderHasNone() {
        PendingAuthorization pending = pending(binding, null);

        assertThat(pending.acceptsIssuer(null)).isTrue();
        assertThat(pending.acceptsIssuer(ISSUER)).isTrue();
        assertThat(pending.optionalIssuer()).isEmpty();
    }

    @Test
    void expiresAtItsExpiryInstant() {
        PendingAuthorization pending = pending(binding, null);

        assertThat(pending.isExpired(pending.expiresAt().minusSeconds(1))).isFalse();
        assertThat(pending.isExpired(pending.expiresAt())).isTrue();
        assertThat(pending.isExpired(pending.expiresAt().plusSeconds(1))).isTrue();
    }

    @Test
    void offersTheS256ChallengeOfItsVerifier() {
        PendingAuthorization pending = pending(binding, null);

        assertThat(pending.challenge()).isEqualTo(pending.verifier().challenge());
    }

    @Test
    void toStringNeverContainsTheVerifierOrHashes() {
        PendingAuthorization pending = pending(binding, null);

        assertThat(pending.toString())
                .doesNotContain(pending.verifier().value())
                .doesNotContain(pending.challenge().value())
                .doesNotContain(pending.stateHash().hex())
                .doesNotContain(binding.hash().hex())
                .contains("customerio", "user-42");
    }

    @Test
    void mustExpireAfterItIsCreated() {
        PendingAuthorization valid = pending(binding, null);

        assertThatThrownBy(() -> new PendingAuthorization(valid.stateHash(), valid.verifier(), valid.browserBindingHash(),
                null, valid.owner(), valid.provider(), valid.returnTo(), null, valid.scopes(), NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PendingAuthorization(valid.stateHash(), null, valid.browserBindingHash(),
                null, valid.owner(), valid.provider(), valid.returnTo(), null, valid.scopes(), NOW,
                NOW.plus(Duration.ofMinutes(1)))).isInstanceOf(NullPointerException.class);
    }
}
