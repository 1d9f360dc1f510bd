package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole flow against an OAuth server we did not write (NAV's mock-oauth2-server, in-process): discovery,
 * authorize, code exchange with PKCE, refresh with rotation, revocation. It reads token requests as forms
 * only (Nimbus), so the JSON body is covered against MockWebServer instead.
 */
class MockOAuth2ServerIT {

    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:9/oauth/sandbox/callback");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MockOAuth2Server oauth;

    @BeforeEach
    void start() throws Exception {
        oauth = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        oauth.shutdown();
    }

    private HttpOAuthProvider provider(ClientAuthMethod auth) {
        ProviderSettings configured = TestProviders.discoverable(oauth.issuerUrl("default").toString(), null,
                Scopes.parse("openid offline_access"), auth, CallPolicy.defaults());
        SettingsResult discovered = new ProviderDiscovery(new SimpleMeterRegistry()).resolve(configured);
        assertThat(discovered).isInstanceOf(SettingsResult.Valid.class);
        return new HttpOAuthProvider(((SettingsResult.Valid) discovered).settings(), new SimpleMeterRegistry());
    }

    /** Follows the authorize URL as a browser would, and reads code and state off the redirect back to us. */
    private static Map<String, String> authorize(HttpOAuthProvider provider, State state, PkceVerifier verifier) throws Exception {
        URI url = provider.authorizeUrl(new AuthorizationRequest(state, verifier.challenge(),
                provider.descriptor().allowedScopes(), REDIRECT_URI));
        HttpResponse<Void> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(REDIRECT_URI.getPath());
        return Arrays.stream(location.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private TokenSet connect(HttpOAuthProvider provider) throws Exception {
        State state = State.fromRandom(random());
        PkceVerifier verifier = PkceVerifier.fromRandom(random());
        Map<String, String> callback = authorize(provider, state, verifier);
        assertThat(callback.get("state")).isEqualTo(state.value());

        TokenResult result = provider.exchangeCode(new AuthorizationCode(callback.get("code")), verifier, REDIRECT_URI);

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        return ((TokenResult.Issued) result).tokens();
    }

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void exchangesTheCodeWithPkceForTokens(ClientAuthMethod auth) throws Exception {
        TokenSet tokens = connect(provider(auth));

        assertThat(tokens.accessToken().value()).contains(".");
        assertThat(tokens.isRefreshable()).isTrue();
        assertThat(tokens.type()).isEqualTo(TokenType.BEARER);
        assertThat(tokens.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void failsWithInvalidGrantWhenTheVerifierDoesNotMatchTheChallenge() throws Exception {
        HttpOAuthProvider provider = provider(ClientAuthMethod.CLIENT_SECRET_BASIC);
        Map<String, String> callback = authorize(provider, State.fromRandom(random()), PkceVerifier.fromRandom(random()));

        TokenResult result = provider.exchangeCode(new AuthorizationCode(callback.get("code")),
                PkceVerifier.fromRandom(random()), REDIRECT_URI);

        assertThat(result).isInstanceOf(TokenResult.Failed.class);
        assertThat(((TokenResult.Failed) result).failure().kind()).isEqualTo(Kind.INVALID_GRANT);
    }

    @Test
    void refreshesAndTakesTheRotatedRefreshToken() throws Exception {
        HttpOAuthProvider provider = provider(ClientAuthMethod.CLIENT_SECRET_POST);
        TokenSet first = connect(provider);

        TokenResult refreshed = provider.refresh(first.refreshToken(), Scopes.parse("openid offline_access"));

        assertThat(refreshed).isInstanceOf(TokenResult.Issued.class);
        TokenSet second = first.renewedBy(((TokenResult.Issued) refreshed).tokens());
        assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(provider.refresh(second.refreshToken(), second.scopes())).isInstanceOf(TokenResult.Issued.class);
    }

    @Test
    void revokesARefreshToken() throws Exception {
        HttpOAuthProvider provider = provider(ClientAuthMethod.CLIENT_SECRET_BASIC);
        TokenSet tokens = connect(provider);
        assertThat(provider.descriptor().supportsRevocation()).isTrue();

        assertThat(provider.revoke(RevocableToken.bestOf(tokens))).isInstanceOf(RevocationResult.Revoked.class);
    }

    @Test
    void reportsTheServersRefusalToRevokeAnAccessToken() throws Exception {
        HttpOAuthProvider provider = provider(ClientAuthMethod.CLIENT_SECRET_POST);
        TokenSet tokens = connect(provider);

        RevocationResult result = provider.revoke(new RevocableToken(tokens.accessToken().value(), RevocableToken.Hint.ACCESS_TOKEN));

        assertThat(result).isInstanceOf(RevocationResult.Failed.class);
        assertThat(((RevocationResult.Failed) result).failure().kind()).isEqualTo(Kind.REJECTED);
        assertThat(((RevocationResult.Failed) result).failure().detail()).startsWith("unsupported_token_type");
    }
}
