package io.cioconnect.devsandbox;

import static io.cioconnect.devsandbox.SandboxDriver.assertOAuthError;
import static io.cioconnect.devsandbox.SandboxDriver.json;
import static io.cioconnect.devsandbox.SandboxDriver.newVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 7009 revocation at {@code /sandbox/revoke}. */
class SandboxRevocationTest {

    private final SandboxDriver sandbox = new SandboxDriver();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void answers200ForATokenItNeverIssued() {
        assertThat(sandbox.revoke("never-issued").statusCode()).isEqualTo(200);
    }

    @Test
    void revokingAnAccessTokenLeavesTheRefreshTokenUsable() {
        Map<String, Object> tokens = newTokens();

        assertThat(sandbox.revoke((String) tokens.get("access_token")).statusCode()).isEqualTo(200);

        assertThat(sandbox.userInfo((String) tokens.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(sandbox.refresh((String) tokens.get("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void takesTheTokenTypeHintAsAHintOnly() {
        Map<String, Object> tokens = newTokens();

        assertThat(sandbox.server.postForm("/sandbox/revoke", Map.of("token", (String) tokens.get("refresh_token"),
                "token_type_hint", "access_token"), "Authorization",
                SandboxDriver.basic(SandboxDriver.CLIENT_ID, SandboxDriver.CLIENT_SECRET)).statusCode()).isEqualTo(200);

        assertOAuthError(sandbox.refresh((String) tokens.get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void requiresClientAuthentication() {
        Map<String, Object> tokens = newTokens();

        assertOAuthError(sandbox.server.postForm("/sandbox/revoke", Map.of("token", (String) tokens.get("refresh_token"))),
                401, "invalid_client");
        assertThat(sandbox.refresh((String) tokens.get("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void requiresTheTokenParameter() {
        assertOAuthError(sandbox.server.postForm("/sandbox/revoke", Map.of("token_type_hint", "refresh_token"),
                "Authorization", SandboxDriver.basic(SandboxDriver.CLIENT_ID, SandboxDriver.CLIENT_SECRET)),
                400, "invalid_request");
    }

    private Map<String, Object> newTokens() {
        String verifier = newVerifier();
        return json(sandbox.exchange(sandbox.obtainCode(verifier), verifier));
    }
}
