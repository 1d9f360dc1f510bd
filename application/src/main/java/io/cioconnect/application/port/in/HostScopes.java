package io.cioconnect.application.port.in;

import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import java.util.List;

/**
 * The scopes the host API lists for a credential. An App API key has none, so its region takes their place
 * as the marker {@code region:us} or {@code region:eu}: the documented way a host learns which API host
 * takes the key. The marker is only ever shown, never stored or asked for as a scope.
 */
public final class HostScopes {

    private static final String REGION_MARKER = "region:";

    private HostScopes() {
    }

    public static Scopes of(TokenSet tokens) {
        return tokens.optionalAppApiRegion()
                .map(region -> Scopes.of(List.of(REGION_MARKER + region.code())))
                .orElse(tokens.scopes());
    }
}
