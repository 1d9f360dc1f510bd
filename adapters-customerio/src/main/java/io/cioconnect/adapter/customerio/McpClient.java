package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.domain.ClientSecret;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;

/**
 * The client this service is at an MCP server's authorization server, and how it became one: configured
 * beforehand, its client ID metadata document, or registered (then {@code registration} is the stored one).
 * Authenticates token and revocation requests as {@code authMethod} says: {@code none} (a public client sends
 * its id), {@code client_secret_basic} or {@code client_secret_post}.
 */
record McpClient(String clientId, ClientSecret secret, String authMethod, Identity identity,
        ClientRegistration registration) {

    static final String NONE = "none";

    /** How the client identity was obtained, in the MCP specification's order of preference. */
    enum Identity {
        CONFIGURED, METADATA_DOCUMENT, REGISTERED
    }

    McpClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(identity, "identity");
        if (!authMethod.equals(NONE) && secret == null) {
            throw new IllegalArgumentException(authMethod + " needs a client secret");
        }
    }

    static McpClient registered(ClientRegistration registration) {
        return new McpClient(registration.clientId(), registration.clientSecret(),
                registration.tokenEndpointAuthMethod(), Identity.REGISTERED, registration);
    }

    /** Puts this client's credentials where its method says: the form's parameters, or a Basic header (RFC 6749 §2.3). */
    void authenticate(Map<String, String> form, HttpRequest.Builder request) {
        if (authMethod.equals("client_secret_basic")) {
            request.header("Authorization", FormEncoding.basicAuthorization(clientId, secret.value()));
            return;
        }
        form.put("client_id", clientId);
        if (authMethod.equals("client_secret_post")) {
            form.put("client_secret", secret.value());
        }
    }

    /** What never goes into a failure detail. */
    String secretValue() {
        return secret == null ? null : secret.value();
    }
}
