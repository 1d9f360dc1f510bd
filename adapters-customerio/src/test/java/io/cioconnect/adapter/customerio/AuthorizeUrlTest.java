package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.domain.PkceChallenge;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorization request URL: every parameter present, each value encoded so it stays one value. */
class AuthorizeUrlTest {

    private static final URI AUTHORIZE = URI.create("https://fly.customer.io/oauth/authorize");
    private static final URI REDIRECT = URI.create("https://connect.example.com/oauth/customerio/callback");

    private static AuthorizationRequest request(String state, String scopes) {
        return new AuthorizationRequest(new State(state), new PkceChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                Scopes.parse(scopes), REDIRECT);
    }

    @Test
    void carriesEveryParameterOfACodeFlowWithPkce() {
        URI url = AuthorizeUrl.build(AUTHORIZE, "cio-client", request("st-1", "full_access"));

        assertThat(url).hasToString("https://fly.customer.io/oauth/authorize?response_type=code&client_id=cio-client"
                + "&redirect_uri=https%3A%2F%2Fconnect.example.com%2Foauth%2Fcustomerio%2Fcallback"
                + "&scope=full_access&state=st-1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
    }

    @Test
    void encodesReservedCharactersSoTheyCannotInjectParameters() {
        URI url = AuthorizeUrl.build(AUTHORIZE, "id&x=1", request("a&code_challenge_method=plain#", "read&admin=1 write+all"));

        List<String> pairs = Arrays.asList(url.getRawQuery().split("&"));
        assertThat(pairs).hasSize(7);
        assertThat(pairs).contains("client_id=id%26x%3D1", "state=a%26code_challenge_method%3Dplain%23",
                "scope=read%26admin%3D1%20write%2Ball", "code_challenge_method=S256");
        assertThat(url.getRawFragment()).isNull();
        assertThat(URLDecoder.decode("read%26admin%3D1%20write%2Ball", StandardCharsets.UTF_8))
                .isEqualTo("read&admin=1 write+all");
    }

    @Test
    void appendsToAnAuthorizeUrlThatAlreadyHasAQuery() {
        URI url = AuthorizeUrl.build(URI.create("https://idp.example.com/authorize?tenant=acme"), "c", request("s", "a"));

        assertThat(url.toString()).startsWith("https://idp.example.com/authorize?tenant=acme&response_type=code&client_id=c&");
    }

    @Test
    void doesNotDoubleASeparatorTheConfiguredUrlEndsWith() {
        assertThat(AuthorizeUrl.build(URI.create("https://idp.example.com/authorize?"), "c", request("s", "a")).toString())
                .startsWith("https://idp.example.com/authorize?response_type=code&");
        assertThat(AuthorizeUrl.build(URI.create("https://idp.example.com/authorize?x=1&"), "c", request("s", "a")).toString())
                .startsWith("https://idp.example.com/authorize?x=1&response_type=code&");
    }

    @Test
    void leavesScopeOutWhenNoneIsAsked() {
        assertThat(AuthorizeUrl.build(AUTHORIZE, "c", request("s", "")).getRawQuery()).doesNotContain("scope=");
    }

    @Test
    void spotsOurOwnParametersInAConfiguredQuery() {
        assertThat(AuthorizeUrl.reservedParameterProblem(URI.create("https://a.example/x?prompt=consent"))).isEmpty();
        assertThat(AuthorizeUrl.reservedParameterProblem(URI.create("https://a.example/x?prompt=1&state=fixed"))).isPresent();
    }
}
