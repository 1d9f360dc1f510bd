package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.SandboxDriver.CLIENT_ID;
import static io.cioconnect.devsandbox.SandboxDriver.CLIENT_SECRET;
import static io.cioconnect.devsandbox.SandboxDriver.REDIRECT_URI;
import static io.cioconnect.devsandbox.SandboxDriver.assertOAuthError;
import static io.cioconnect.devsandbox.SandboxDriver.basic;
import static io.cioconnect.devsandbox.SandboxDriver.json;
import static io.cioconnect.devsandbox.SandboxDriver.newVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every token request the sandbox refuses, each with the RFC 6749 §5.2 error a real provider would send. */
class SandboxTokenRefusalTest {

    private final SandboxDriver sandbox = new SandboxDriver();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void refusesAWrongVerifierAndSpendsTheCode() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);

        assertOAuthError(sandbox.exchange(code, newVerifier()), 400, "invalid_grant");
        assertOAuthError(sandbox.exchange(code, verifier), 400, "invalid_grant");
    }

    @Test
    void refusesAVerifierThatIsTheChallengeItself() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);

        assertOAuthError(sandbox.exchange(code, SandboxDriver.challengeOf(verifier)), 400, "invalid_grant");
    }

    @Test
    void refusesAReusedCodeAndRevokesWhatItFirstObtained() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);
        Map<String, Object> first = json(sandbox.exchange(code, verifier));

        assertOAuthError(sandbox.exchange(code, verifier), 400, "invalid_grant");

        assertOAuthError(sandbox.refresh((String) first.get("refresh_token")), 400, "invalid_grant");
        assertThat(sandbox.userInfo((String) first.get("access_token")).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsACodeJustBeforeItExpires() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);
        sandbox.clock.advance(SandboxState.CODE_LIFETIME.minusSeconds(1));

        assertThat(sandbox.exchange(code, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnExpiredCode() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);
        sandbox.clock.advance(SandboxState.CODE_LIFETIME);

        assertOAuthError(sandbox.exchange(code, verifier), 400, "invalid_grant");
    }

    @Test
    void refusesARedirectUriOtherThanTheAuthorizationRequests() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);

        assertOAuthError(sandbox.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI + "?x=1", "code_verifier", verifier)), 400, "invalid_grant");
    }

    @Test
    void refusesAMissingVerifierWithoutSpendingTheCode() {
        String verifier = newVerifier();
        String code = sandbox.obtainCode(verifier);

        assertOAuthError(sandbox.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI)), 400, "invalid_request");
        assertThat(sandbox.exchange(code, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongClientSecretWith401() {
        String verifier = newVerifier();
        HttpResponse<String> response = sandbox.server.postForm("/sandbox/token", exchangeForm(sandbox.obtainCode(verifier), verifier),
                "Authorization", basic(CLIENT_ID, CLIENT_SECRET + "x"));

        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(response.body()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void formUrlDecodesBasicCredentialsAsRfc6749Requires() {
        String verifier = newVerifier();
        String unencoded = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> raw = sandbox.server.postForm("/sandbox/token", exchangeForm(sandbox.obtainCode(verifier), verifier),
                "Authorization", unencoded);
        HttpResponse<String> encoded = sandbox.exchange(sandbox.obtainCode(verifier), verifier);

        assertOAuthError(raw, 401, "invalid_client");
        assertThat(encoded.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMissingClientAuthentication() {
        String verifier = newVerifier();

        assertOAuthError(sandbox.server.postForm("/sandbox/token", exchangeForm(sandbox.obtainCode(verifier), verifier)),
                401, "invalid_client");
    }

    @Test
    void refusesTwoClientAuthenticationMethodsAtOnce() {
        String verifier = newVerifier();
        Map<String, String> form = new HashMap<>(exchangeForm(sandbox.obtainCode(verifier), verifier));
        form.put("client_secret", CLIENT_SECRET);

        assertOAuthError(sandbox.token(form), 400, "invalid_request");
    }

    @Test
    void refusesBasicCredentialsThatAreNotBase64() {
        assertOAuthError(sandbox.server.postForm("/sandbox/token", Map.of("grant_type", "refresh_token", "refresh_token", "x"),
                "Authorization", "Basic ***"), 401, "invalid_client");
    }

    @Test
    void refusesUnsupportedGrantTypes() {
        assertOAuthError(sandbox.token(Map.of("grant_type", "password", "username", "a", "password", "b")),
                400, "unsupported_grant_type");
    }

    @Test
    void refusesABodyThatIsNotAForm() {
        assertOAuthError(sandbox.server.post("/sandbox/token", "application/json", "{\"grant_type\":\"refresh_token\"}",
                "Authorization", basic(CLIENT_ID, CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void refusesMalformedPercentEncodingWith400() {
        assertOAuthError(sandbox.server.post("/sandbox/token", "application/x-www-form-urlencoded", "grant_type=%zz",
                "Authorization", basic(CLIENT_ID, CLIENT_SECRET)), 400, "invalid_request");
    }

    @Test
    void refusesAnUnknownRefreshToken() {
        assertOAuthError(sandbox.refresh("never-issued"), 400, "invalid_grant");
    }

    @Test
    void refusesARefreshThatWidensTheScope() {
        String verifier = newVerifier();
        String refreshToken = (String) json(sandbox.exchange(sandbox.obtainCode(verifier), verifier)).get("refresh_token");

        assertOAuthError(sandbox.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "scope", "full_access read")), 400, "invalid_scope");
        assertThat(sandbox.refresh(refreshToken).statusCode()).as("a refused scope does not spend the token").isEqualTo(200);
    }

    @Test
    void refusesARefreshTokenOnceItExpires() {
        String verifier = newVerifier();
        String refreshToken = (String) json(sandbox.exchange(sandbox.obtainCode(verifier), verifier)).get("refresh_token");
        sandbox.clock.advance(SandboxState.REFRESH_TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));

        assertOAuthError(sandbox.refresh(refreshToken), 400, "invalid_grant");
    }

    private static Map<String, String> exchangeForm(String code, String verifier) {
        return Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier);
    }
}
