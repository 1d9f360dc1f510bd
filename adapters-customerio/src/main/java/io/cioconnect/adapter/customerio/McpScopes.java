package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.McpDiscovery.Found;
import io.cioconnect.domain.Scopes;

/**
 * The scopes an MCP flow asks for, by the MCP specification's selection strategy: those configured (or asked by
 * the host) when any; else those the server's 401 challenged with; else the resource metadata's
 * {@code scopes_supported}; else none (no {@code scope} parameter). {@code offline_access} is added to discovered
 * scopes when the authorization server lists it, so that a refresh token comes with the grant.
 */
final class McpScopes {

    static final String OFFLINE_ACCESS = "offline_access";

    private McpScopes() {
    }

    static Scopes select(Scopes requested, Found found) {
        if (!requested.isEmpty()) {
            return requested;
        }
        Scopes discovered = found.challengedScopes() != null ? found.challengedScopes()
                : found.resource().scopesSupported() != null ? found.resource().scopesSupported() : Scopes.none();
        if (discovered.isEmpty() || discovered.values().contains(OFFLINE_ACCESS)
                || !found.server().scopesSupported().contains(OFFLINE_ACCESS)) {
            return discovered;
        }
        return Scopes.parse(discovered.render() + " " + OFFLINE_ACCESS);
    }
}
