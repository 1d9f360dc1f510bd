package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.SandboxDriver.authorizationRequest;
import static io.cioconnect.devsandbox.SandboxDriver.challengeOf;
import static io.cioconnect.devsandbox.SandboxDriver.newVerifier;
import static io.cioconnect.devsandbox.SandboxDriver.redirectParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every authorization request the sandbox refuses: an error page, never a redirect, when the client or
 * redirect URI cannot be trusted (RFC 6749 §4.1.2.1); a redirect with {@code error} otherwise.
 */
class SandboxAuthorizeRefusalTest {

    private final SandboxDriver sandbox = new SandboxDriver();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void showsAnErrorPageAndDoesNotRedirectToAnUnregisteredRedirectUri() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.put("redirect_uri", "https://evil.example/callback");

        assertRefusedWithoutRedirect(sandbox.authorize(query));
    }

    @Test
    void comparesTheRedirectUriExactly() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.put("redirect_uri", SandboxDriver.REDIRECT_URI + "/");

        assertRefusedWithoutRedirect(sandbox.authorize(query));
    }

    @Test
    void showsAnErrorPageForAnUnknownClient() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.put("client_id", "someone-else");

        assertRefusedWithoutRedirect(sandbox.authorize(query));
    }

    @Test
    void showsAnErrorPageWhenTheRedirectUriIsGivenTwice() {
        String query = DevServer.encode(authorizationRequest(challengeOf(newVerifier())))
                + "&redirect_uri=https%3A%2F%2Fevil.example%2F";

        assertRefusedWithoutRedirect(sandbox.server.get("/sandbox/authorize?" + query));
    }

    @Test
    void answersMalformedPercentEncodingInTheConsentFormWithA400() {
        assertRefusedWithoutRedirect(sandbox.server.post("/sandbox/authorize", "application/x-www-form-urlencoded",
                "request_id=%zz&decision=allow"));
    }

    @Test
    void refusesPlainPkce() {
        Map<String, String> query = authorizationRequest(newVerifier());
        query.put("code_challenge_method", "plain");

        assertRedirectedWithError(sandbox.authorize(query), "invalid_request");
    }

    @Test
    void refusesAMissingChallengeMethodBecauseItMeansPlain() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.remove("code_challenge_method");

        assertRedirectedWithError(sandbox.authorize(query), "invalid_request");
    }

    @Test
    void refusesAMissingChallenge() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.remove("code_challenge");

        assertRedirectedWithError(sandbox.authorize(query), "invalid_request");
    }

    @Test
    void refusesAMalformedChallenge() {
        assertRedirectedWithError(sandbox.authorize(authorizationRequest("too-short")), "invalid_request");
    }

    @Test
    void refusesResponseTypesOtherThanCode() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.put("response_type", "token");

        assertRedirectedWithError(sandbox.authorize(query), "unsupported_response_type");
    }

    @Test
    void refusesScopesTheSandboxDoesNotOffer() {
        Map<String, String> query = authorizationRequest(challengeOf(newVerifier()));
        query.put("scope", "full_access admin");

        assertRedirectedWithError(sandbox.authorize(query), "invalid_scope");
    }

    @Test
    void refusesADuplicatedParameterWithoutEchoingEitherState() {
        String query = DevServer.encode(authorizationRequest(challengeOf(newVerifier()))) + "&state=other";

        Map<String, String> callback = redirectParameters(sandbox.server.get("/sandbox/authorize?" + query));

        assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("state");
    }

    @Test
    void refusesADecisionThatIsNeitherAllowNorDeny() {
        HttpResponse<String> page = sandbox.authorize(authorizationRequest(challengeOf(newVerifier())));

        assertRefusedWithoutRedirect(sandbox.decide(SandboxDriver.requestId(page.body()), "maybe"));
    }

    @Test
    void refusesAnUnknownConsentRequest() {
        assertRefusedWithoutRedirect(sandbox.decide("not-a-request", "allow"));
    }

    private static void assertRefusedWithoutRedirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        PageAssertions.assertHtml(response);
        assertThat(PageAssertions.contentSecurityPolicy(response)).startsWith("default-src 'none'");
        assertThat(response.body()).doesNotContain("evil.example");
    }

    private static void assertRedirectedWithError(HttpResponse<String> response, String error) {
        Map<String, String> callback = redirectParameters(response);
        assertThat(callback).containsEntry("error", error).containsEntry("state", "state-123")
                .containsEntry("iss", SandboxDriver.ISSUER).doesNotContainKey("code");
    }
}
