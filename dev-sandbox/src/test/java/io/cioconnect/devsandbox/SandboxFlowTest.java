package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.SandboxDriver.assertOAuthError;
import static io.cioconnect.devsandbox.SandboxDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox provider walked end to end, as the service and a browser walk it in dev mode. */
class SandboxFlowTest {

    private final SandboxDriver sandbox = new SandboxDriver();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void walksFromConsentThroughTokensRefreshAndRevocation() {
        String verifier = SandboxDriver.newVerifier();
        HttpResponse<String> page = sandbox.authorize(SandboxDriver.authorizationRequest(SandboxDriver.challengeOf(verifier)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sandbox provider — sandbox-client wants access (full_access)");

        Map<String, String> callback = SandboxDriver.redirectParameters(sandbox.decide(SandboxDriver.requestId(page.body()), "allow"));
        assertThat(callback).containsEntry("state", "state-123").containsEntry("iss", SandboxDriver.ISSUER)
                .containsKey("code").doesNotContainKey("error");

        HttpResponse<String> exchanged = sandbox.exchange(callback.get("code"), verifier);
        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> tokens = json(exchanged);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 120)
                .containsEntry("scope", "full_access").containsKeys("access_token", "refresh_token");
        assertThat(sandbox.userInfo((String) tokens.get("access_token")).statusCode()).isEqualTo(200);

        HttpResponse<String> refreshed = sandbox.refresh((String) tokens.get("refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        Map<String, Object> rotated = json(refreshed);
        assertThat(rotated.get("refresh_token")).isNotEqualTo(tokens.get("refresh_token"));
        assertThat(rotated.get("access_token")).isNotEqualTo(tokens.get("access_token"));
        assertThat(rotated).containsEntry("scope", "full_access");
        assertOAuthError(sandbox.refresh((String) tokens.get("refresh_token")), 400, "invalid_grant");

        HttpResponse<String> revoked = sandbox.revoke((String) rotated.get("refresh_token"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertOAuthError(sandbox.refresh((String) rotated.get("refresh_token")), 400, "invalid_grant");
        assertThat(sandbox.userInfo((String) rotated.get("access_token")).statusCode())
                .as("revoking the refresh token ends the grant's access tokens too").isEqualTo(401);
    }

    @Test
    void deniedConsentRedirectsWithAccessDeniedStateAndIssuer() {
        HttpResponse<String> page = sandbox.authorize(SandboxDriver.authorizationRequest(
                SandboxDriver.challengeOf(SandboxDriver.newVerifier())));

        Map<String, String> callback = SandboxDriver.redirectParameters(sandbox.decide(SandboxDriver.requestId(page.body()), "deny"));

        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "state-123")
                .containsEntry("iss", SandboxDriver.ISSUER).doesNotContainKey("code");
    }

    @Test
    void answersAConsentFormOnlyOnce() {
        HttpResponse<String> page = sandbox.authorize(SandboxDriver.authorizationRequest(
                SandboxDriver.challengeOf(SandboxDriver.newVerifier())));
        String requestId = SandboxDriver.requestId(page.body());
        assertThat(sandbox.decide(requestId, "allow").statusCode()).isEqualTo(302);

        HttpResponse<String> again = sandbox.decide(requestId, "allow");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void refusesAConsentThatExpired() {
        HttpResponse<String> page = sandbox.authorize(SandboxDriver.authorizationRequest(
                SandboxDriver.challengeOf(SandboxDriver.newVerifier())));
        sandbox.clock.advance(SandboxState.CONSENT_LIFETIME);

        HttpResponse<String> late = sandbox.decide(SandboxDriver.requestId(page.body()), "allow");

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void acceptsClientSecretPost() {
        String verifier = SandboxDriver.newVerifier();
        String code = sandbox.obtainCode(verifier);

        HttpResponse<String> exchanged = sandbox.server.postForm("/sandbox/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxDriver.REDIRECT_URI, "code_verifier", verifier,
                "client_id", SandboxDriver.CLIENT_ID, "client_secret", SandboxDriver.CLIENT_SECRET));

        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(json(exchanged)).containsKeys("access_token", "refresh_token");
    }

    @Test
    void grantsTheDefaultScopesWhenNoneAreRequested() {
        Map<String, String> query = SandboxDriver.authorizationRequest(SandboxDriver.challengeOf(SandboxDriver.newVerifier()));
        query.remove("scope");

        HttpResponse<String> page = sandbox.authorize(query);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("wants access (full_access read)");
    }

    @Test
    void refreshMayNarrowTheScopeButKeepsTheGrant() {
        String verifier = SandboxDriver.newVerifier();
        Map<String, String> query = SandboxDriver.authorizationRequest(SandboxDriver.challengeOf(verifier));
        query.put("scope", "full_access read");
        HttpResponse<String> page = sandbox.authorize(query);
        String code = SandboxDriver.redirectParameters(sandbox.decide(SandboxDriver.requestId(page.body()), "allow")).get("code");
        String refreshToken = (String) json(sandbox.exchange(code, verifier)).get("refresh_token");

        HttpResponse<String> narrowed = sandbox.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "scope", "read"));

        assertThat(json(narrowed)).containsEntry("scope", "read");
        HttpResponse<String> full = sandbox.refresh((String) json(narrowed).get("refresh_token"));
        assertThat(json(full)).containsEntry("scope", "full_access read");
    }

    @Test
    void accessTokensExpireAfterTheirLifetime() {
        String verifier = SandboxDriver.newVerifier();
        String accessToken = (String) json(sandbox.exchange(sandbox.obtainCode(verifier), verifier)).get("access_token");
        assertThat(sandbox.userInfo(accessToken).statusCode()).isEqualTo(200);

        sandbox.clock.advance(SandboxDriver.ACCESS_TOKEN_LIFETIME);

        assertThat(sandbox.userInfo(accessToken).statusCode()).isEqualTo(401);
    }
}
