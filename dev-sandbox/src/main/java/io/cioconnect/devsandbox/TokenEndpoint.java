package io.cioconnect.devsandbox;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.Scopes;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /sandbox/token} (RFC 6749 §3.2) and {@code POST /sandbox/revoke} (RFC 7009): the
 * authorization-code grant with its PKCE check, the refresh-token grant with rotation, and revocation. Codes
 * and refresh tokens serve only the client they were issued to, and only for the resource of their grant.
 */
final class TokenEndpoint {

    private final SandboxState state;
    private final ClientAuthentication clients;
    private final Resources resources;

    TokenEndpoint(SandboxState state, SandboxClients clients, Resources resources) {
        this.state = state;
        this.clients = new ClientAuthentication(clients);
        this.resources = resources;
    }

    void token(Context ctx) {
        try {
            FormParameters form = FormParameters.ofBody(ctx);
            SandboxClient client = clients.authenticate(ctx, form);
            String grantType = form.required("grant_type");
            SandboxState.IssuedTokens tokens = switch (grantType) {
                case "authorization_code" -> exchangeCode(form, client);
                case "refresh_token" -> refresh(form, client);
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
            SandboxClient client = clients.authenticate(ctx, form);
            String token = form.required("token");
            form.optional("token_type_hint"); // only a hint (§2.1): both kinds are looked up anyway
            state.revoke(token, client);
            ctx.header("Cache-Control", "no-store");
            ctx.status(200).contentType("application/json").result("{}");
        } catch (OAuthProblem problem) {
            TokenJson.error(ctx, problem);
        }
    }

    private SandboxState.IssuedTokens exchangeCode(FormParameters form, SandboxClient client) {
        String code = form.required("code");
        String redirectUri = form.required("redirect_uri");
        String verifier = form.required("code_verifier");
        String resource = resources.requireKnown(form.optional("resource"));
        SandboxState.IssuedCode issued = state.redeemCode(code)
                .orElseThrow(() -> OAuthProblem.invalidGrant("authorization code is unknown, expired or already used"));
        if (!issued.grant().client().clientId().equals(client.clientId())) {
            throw OAuthProblem.invalidGrant("the authorization code was issued to another client"); // §4.1.3
        }
        if (!issued.redirectUri().equals(redirectUri)) {
            throw OAuthProblem.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!verifierMatches(verifier, issued.codeChallenge())) {
            throw OAuthProblem.invalidGrant("code_verifier does not match the code_challenge");
        }
        Resources.requireGranted(issued.grant(), resource);
        return state.issueTokens(issued.grant());
    }

    private SandboxState.IssuedTokens refresh(FormParameters form, SandboxClient client) {
        String refreshToken = form.required("refresh_token");
        String resource = resources.requireKnown(form.optional("resource"));
        Scopes requested;
        try {
            requested = Scopes.parse(form.optional("scope"));
        } catch (DomainException e) {
            throw OAuthProblem.invalidScope("scope is malformed");
        }
        return state.refresh(refreshToken, requested, client, resource);
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
