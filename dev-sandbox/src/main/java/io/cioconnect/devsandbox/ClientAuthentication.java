package io.cioconnect.devsandbox;

import io.cioconnect.domain.Secrets;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Authenticates the sandbox's one client at the token and revocation endpoints, by
 * {@code client_secret_basic} (RFC 6749 §2.3.1: id and secret form-url-encoded, then Base64) or by
 * {@code client_secret_post}; never both at once.
 */
final class ClientAuthentication {

    private final byte[] clientIdDigest;
    private final byte[] clientSecretDigest;

    ClientAuthentication(SandboxSettings settings) {
        this.clientIdDigest = Secrets.sha256(settings.clientId());
        this.clientSecretDigest = Secrets.sha256(settings.clientSecret().value());
    }

    /** Throws {@code invalid_client} (401) or {@code invalid_request} unless the request carries our client's credentials. */
    void authenticate(Context ctx, FormParameters form) {
        String header = ctx.header("Authorization");
        String postedId = form.optional("client_id");
        String postedSecret = form.optional("client_secret");
        String id;
        String secret;
        if (header != null) {
            if (postedSecret != null) {
                throw OAuthProblem.invalidRequest("use one client authentication method, not two");
            }
            String[] credentials = basicCredentials(header);
            id = credentials[0];
            secret = credentials[1];
            if (postedId != null && !postedId.equals(id)) {
                throw OAuthProblem.invalidClient("client_id does not match the authenticated client");
            }
        } else if (postedId != null && postedSecret != null) {
            id = postedId;
            secret = postedSecret;
        } else {
            throw OAuthProblem.invalidClient("client authentication is required");
        }
        // Both compared, digests of equal length, so the time taken says nothing about either value.
        boolean idMatches = MessageDigest.isEqual(clientIdDigest, Secrets.sha256(id));
        boolean secretMatches = MessageDigest.isEqual(clientSecretDigest, Secrets.sha256(secret));
        if (!(idMatches & secretMatches)) {
            throw OAuthProblem.invalidClient("client authentication failed");
        }
    }

    private static String[] basicCredentials(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthProblem.invalidClient("the Authorization header must use the Basic scheme");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidClient("the Basic credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthProblem.invalidClient("the Basic credentials have no ':'");
        }
        try {
            return new String[] {FormParameters.decode(decoded.substring(0, colon)),
                    FormParameters.decode(decoded.substring(colon + 1))};
        } catch (OAuthProblem malformed) {
            throw OAuthProblem.invalidClient("the Basic credentials are not form-url-encoded");
        }
    }
}
