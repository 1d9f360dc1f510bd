package io.cioconnect.application.port.out;

import io.cioconnect.domain.ClientSecret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth client this service registered at an authorization server (RFC 7591 §3.2.1), for one redirect URI:
 * the client id, the secret when the server issued one (public clients have none) and when it expires
 * ({@code null}: never), and how the token endpoint wants it to authenticate.
 */
public record ClientRegistration(String issuer, URI redirectUri, String clientId, ClientSecret clientSecret,
        Instant clientSecretExpiresAt, String tokenEndpointAuthMethod, Instant registeredAt) {

    public ClientRegistration {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
    }

    public Optional<ClientSecret> optionalSecret() {
        return Optional.ofNullable(clientSecret);
    }

    /** True once the server's secret has expired: the client must be registered again before use. */
    public boolean secretExpired(Instant now) {
        return clientSecretExpiresAt != null && !now.isBefore(clientSecretExpiresAt);
    }
}
