package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.domain.ClientSecret;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code oauth_client_registrations}; the secret, if any, is an encryption envelope bound to the row's id. */
public record ClientRegistrationRow(UUID id, String issuer, String redirectUri, String clientId, String clientSecret,
        Instant clientSecretExpiresAt, String tokenEndpointAuthMethod, Instant registeredAt) {

    static final EncryptedColumn CLIENT_SECRET = new EncryptedColumn("oauth_client_registrations", "client_secret");

    /** A new row (a new id) for {@code registration}. */
    static ClientRegistrationRow from(ClientRegistration registration, FieldCipher cipher) {
        UUID id = UUID.randomUUID();
        String secret = registration.optionalSecret()
                .map(value -> cipher.encrypt(value.value(), CLIENT_SECRET, id.toString()))
                .orElse(null);
        return new ClientRegistrationRow(id, registration.issuer(), registration.redirectUri().toString(),
                registration.clientId(), secret, registration.clientSecretExpiresAt(),
                registration.tokenEndpointAuthMethod(), registration.registeredAt());
    }

    ClientRegistration toDomain(FieldCipher cipher) {
        ClientSecret secret = clientSecret == null ? null
                : new ClientSecret(cipher.decrypt(clientSecret, CLIENT_SECRET, id.toString()));
        return new ClientRegistration(issuer, URI.create(redirectUri), clientId, secret, clientSecretExpiresAt,
                tokenEndpointAuthMethod, registeredAt);
    }

    /** The secret's ciphertext stays out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "ClientRegistrationRow[id=" + id + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "encrypted") + "]";
    }
}
