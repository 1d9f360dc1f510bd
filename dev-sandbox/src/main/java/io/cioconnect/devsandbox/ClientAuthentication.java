package io.cioconnect.devsandbox;

import io.cioconnect.domain.Secrets;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Authenticates a client of the sandbox at the token and revocation endpoints: a confidential client by
 * {@code client_secret_basic} (RFC 6749 §2.3.1: id and secret form-url-encoded, then Base64) or
 * {@code client_secret_post}, never both at once; a public client (a metadata document's, or one registered
 * with {@code none}) by its {@code client_id} alone, PKCE and the grant's checks doing the rest.
 */
final class ClientAuthentication {

    private final SandboxClients clients;

    ClientAuthentication(SandboxClients clients) {
        this.clients = clients;
    }

    /** The client the request is from; throws {@code invalid_client} (401) or {@code invalid_request} otherwise. */
    SandboxClient authenticate(Context ctx, FormParameters form) {
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
        } else if (postedId != null) {
            id = postedId;
            secret = postedSecret;
        } else {
            throw OAuthProblem.invalidClient("client authentication is required");
        }
        SandboxClient client = clients.find(id)
                .orElseThrow(() -> OAuthProblem.invalidClient("client authentication failed"));
        if (client.isPublic() ? secret != null : !secretMatches(client, secret)) {
            throw OAuthProblem.invalidClient("client authentication failed");
        }
        return client;
    }

    /** Digests of equal length compared in constant time, so the time taken says nothing about the secret. */
    private static boolean secretMatches(SandboxClient client, String secret) {
        return secret != null && MessageDigest.isEqual(client.secretDigest(), Secrets.sha256(secret));
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
