package io.cioconnect.application.port.out;

import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.util.Objects;
import java.util.Optional;

/**
 * What the use cases need to know about a provider: its id, the scopes it may be asked for (also the
 * default request), its RFC 9207 issuer when known ({@code null} otherwise), and whether it can revoke tokens.
 */
public record ProviderDescriptor(ProviderId id, Scopes allowedScopes, ExpectedIssuer issuer,
        boolean supportsRevocation) {

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
    }

    public Optional<ExpectedIssuer> optionalIssuer() {
        return Optional.ofNullable(issuer);
    }
}
