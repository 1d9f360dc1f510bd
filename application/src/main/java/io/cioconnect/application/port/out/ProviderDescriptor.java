package io.cioconnect.application.port.out;

import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the use cases need to know about a provider: its id, the scopes it may be asked for (also the
 * default request), its RFC 9207 issuer when known ({@code null} otherwise), whether it can revoke tokens,
 * how its accounts are connected, the name people see, and the resource its tokens are for (RFC 8707: an
 * MCP server's URL; {@code null} when the provider does not name one).
 */
public record ProviderDescriptor(ProviderId id, Scopes allowedScopes, ExpectedIssuer issuer, boolean supportsRevocation,
        ProviderKind kind, String displayName, URI resource) {

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** A provider whose tokens name no resource. */
    public ProviderDescriptor(ProviderId id, Scopes allowedScopes, ExpectedIssuer issuer, boolean supportsRevocation,
            ProviderKind kind, String displayName) {
        this(id, allowedScopes, issuer, supportsRevocation, kind, displayName, null);
    }

    /** An OAuth 2.0 provider shown by its id. */
    public ProviderDescriptor(ProviderId id, Scopes allowedScopes, ExpectedIssuer issuer, boolean supportsRevocation) {
        this(id, allowedScopes, issuer, supportsRevocation, ProviderKind.OAUTH2, id.value());
    }

    public Optional<ExpectedIssuer> optionalIssuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<URI> optionalResource() {
        return Optional.ofNullable(resource);
    }
}
