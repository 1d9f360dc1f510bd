package io.cioconnect.devsandbox;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.Scopes;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /sandbox/token} (RFC 6749 §3.2) and {@code POST /sandbox/revoke} (RFC 7009): the
 * authorization-code grant with its PKCE check, the refresh-token grant with rotation, and revocation.
 */
final class TokenEndpoint {

    private final SandboxState state;
    private final ClientAuthentication clients;

    TokenEndpoint(SandboxSettings settings, SandboxState state) {
        this.state = state;
        this.clients = new ClientAuthentication(settings);
    }

    void token(Context ctx) {
        try {
            FormParameters form = FormParameters.ofBody(ctx);
            clients.authenticate(ctx, form);
            String grantType = form.required("grant_type");
            SandboxState.IssuedTokens tokens = switch (grantType) {
                case "authorization_code" -> exchangeCode(form);
                case "refresh_token" -> refresh(form);
                default -> throw OAuthProblem.unsupportedGrantType("grant_type must be authorization_code or refresh_token");
            };
            TokenJson.tokens(ctx, tokens);
        } catch (OAuthProblem problem) {
            TokenJson.error(ctx, problem);
        }
    }

    /** RFC 7009 §2.2: 200 whether or not the token was known, so the answer reveals nothing. */
    void revoke(Context ctx) {
        try {
            FormParameters form = FormParameters.ofBody(ctx);
            clients.authenticate(ctx, form);
            String token = form.required("token");
            form.optional("token_type_hint"); // only a hint (§2.1): both kinds are looked up anyway
            state.revoke(token);
            ctx.header("Cache-Control", "no-store");
            ctx.status(200).contentType("application/json").result("{}");
        } catch (OAuthProblem problem) {
            TokenJson.error(ctx, problem);
        }
    }

    private SandboxState.IssuedTokens exchangeCode(FormParameters form) {
        String code = form.required("code");
        String redirectUri = form.required("redirect_uri");
        String verifier = form.required("code_verifier");
        // The sandbox has one client, already authenticated, so "issued to this client" (§4.1.3) holds.
        SandboxState.IssuedCode issued = state.redeemCode(code)
                .orElseThrow(() -> OAuthProblem.invalidGrant("authorization code is unknown, expired or already used"));
        if (!issued.redirectUri().equals(redirectUri)) {
            throw OAuthProblem.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!verifierMatches(verifier, issued.codeChallenge())) {
            throw OAuthProblem.invalidGrant("code_verifier does not match the code_challenge");
        }
        return state.issueTokens(issued.grant());
    }

    private SandboxState.IssuedTokens refresh(FormParameters form) {
        String refreshToken = form.required("refresh_token");
        Scopes requested;
        try {
            requested = Scopes.parse(form.optional("scope"));
        } catch (DomainException e) {
            throw OAuthProblem.invalidScope("scope is malformed");
        }
        return state.refresh(refreshToken, requested);
    }

    /** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(verifier))) must equal the stored S256 challenge. */
    private static boolean verifierMatches(String verifier, String challenge) {
        String computed;
        try {
            computed = new PkceVerifier(verifier).challenge().value();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
