package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the provider client decides without talking to anyone. */
class HttpOAuthProviderTest {

    private static ProviderSettings settings(URI authorize, URI token, URI revocation, String issuer) {
        return new ProviderSettings(new ProviderId("customerio"), "cio-client", new ClientSecret("s"), authorize,
                token, revocation, issuer, Scopes.parse("full_access"), TokenRequestFormat.JSON,
                ClientAuthMethod.CLIENT_SECRET_POST, CallPolicy.defaults(), issuer != null);
    }

    @Test
    void refusesSettingsWhoseEndpointsAreStillToBeDiscovered() {
        assertThatThrownBy(() -> new HttpOAuthProvider(settings(null, null, null, "https://as.example.com"),
                new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discovery");
    }

    @Test
    void answersRejectedWithoutARequestWhenThereIsNoRevocationEndpoint() {
        // The token URL is a closed loopback port: any request would come back UNAVAILABLE, not REJECTED.
        HttpOAuthProvider provider = new HttpOAuthProvider(settings(CustomerIoPresets.AUTHORIZE_URL,
                URI.create("http://127.0.0.1:9/token"), null, null), new SimpleMeterRegistry());

        RevocationResult result = provider.revoke(new RevocableToken("rt", RevocableToken.Hint.REFRESH_TOKEN));

        assertThat(provider.descriptor().supportsRevocation()).isFalse();
        assertThat(((RevocationResult.Failed) result).failure().kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void buildsTheAuthorizeUrlFromItsSettings() {
        HttpOAuthProvider provider = new HttpOAuthProvider(settings(CustomerIoPresets.AUTHORIZE_URL,
                CustomerIoPresets.Region.EU.tokenUrl(), null, null), new SimpleMeterRegistry());
        PkceVerifier verifier = PkceVerifier.fromRandom(new byte[32]);

        URI url = provider.authorizeUrl(new AuthorizationRequest(new State("st"), verifier.challenge(),
                Scopes.parse("full_access"), URI.create("https://connect.example.com/oauth/customerio/callback")));

        assertThat(url.toString()).startsWith("https://fly.customer.io/oauth/authorize?response_type=code&client_id=cio-client&")
                .contains("&code_challenge=" + verifier.challenge().value() + "&code_challenge_method=S256");
    }
}
