package io.cioconnect.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A host application's request to connect an owner to a provider, redeemable once through the ticket
 * in its {@code connect_url} until it expires. Only the ticket's hash is kept. {@code clientState} is the
 * host's optional value echoed on the redirect to {@code return_to} ({@code null} when it sent none).
 */
public record ConnectSession(
        UUID id,
        SecretHash ticketHash,
        Owner owner,
        ProviderId provider,
        ReturnTo returnTo,
        ClientState clientState,
        Scopes scopes,
        Instant createdAt,
        Instant expiresAt) {

    public ConnectSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketHash, "ticketHash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a connect session must expire after it is created");
        }
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
