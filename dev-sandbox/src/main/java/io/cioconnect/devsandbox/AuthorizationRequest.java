package io.cioconnect.devsandbox;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.PkceChallenge;
import io.cioconnect.domain.Scopes;
import java.util.regex.Pattern;

/**
 * An authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3, RFC 8707's {@code resource}) whose client and
 * redirect URI were already matched against the registered ones, waiting for the user's Allow or Deny.
 */
record AuthorizationRequest(SandboxClient client, String redirectUri, Scopes scopes, String state, String codeChallenge,
        String resource) {

    /** RFC 7636 §4.2: an S256 challenge is 43 base64url characters; the grammar allows up to 128. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final int MAX_STATE_LENGTH = 1024;

    /** Reads the rest of the request; every problem here is answered by redirecting with {@code error}. */
    static AuthorizationRequest read(FormParameters query, SandboxClient client, String redirectUri, String state,
            Scopes allowed, Resources resources) {
        if (state != null && state.length() > MAX_STATE_LENGTH) {
            throw OAuthProblem.invalidRequest("state is longer than " + MAX_STATE_LENGTH + " characters");
        }
        String responseType = query.required("response_type");
        if (!responseType.equals("code")) {
            throw OAuthProblem.unsupportedResponseType("only response_type=code is supported");
        }
        String challenge = query.required("code_challenge");
        // A missing method means plain (RFC 7636 §4.3), which RFC 9700 §2.1.1 rules out.
        if (!PkceChallenge.METHOD.equals(query.optional("code_challenge_method"))) {
            throw OAuthProblem.invalidRequest("code_challenge_method must be S256");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw OAuthProblem.invalidRequest("code_challenge is malformed");
        }
        return new AuthorizationRequest(client, redirectUri, requestedScopes(query.optional("scope"), allowed), state,
                challenge, resources.requireKnown(query.optional("resource")));
    }

    private static Scopes requestedScopes(String scope, Scopes allowed) {
        Scopes requested;
        try {
            requested = Scopes.parse(scope);
        } catch (DomainException e) {
            throw OAuthProblem.invalidScope("scope is malformed");
        }
        if (requested.isEmpty()) {
            return allowed; // RFC 6749 §3.3: a default instead of failing
        }
        if (!requested.isSubsetOf(allowed)) {
            throw OAuthProblem.invalidScope("a requested scope is not offered by the sandbox");
        }
        return requested;
    }
}
