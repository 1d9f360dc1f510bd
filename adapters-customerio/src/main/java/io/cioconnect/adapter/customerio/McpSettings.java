package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to connect accounts of one MCP server (the MCP authorization specification): the server's
 * URL (the resource, RFC 8707), a client registered beforehand if there is one ({@code clientId} {@code null}
 * otherwise; its secret may be {@code null} for a public client), the scopes to ask for ({@link Scopes#none()}:
 * those the server names), this service's callback, where its client ID metadata document is served and the
 * name it gives, the call policy, and how long discovered metadata is trusted.
 */
public record McpSettings(ProviderId id, URI resource, String clientId, ClientSecret clientSecret, Scopes scopes,
        URI redirectUri, URI clientMetadataUrl, String clientName, CallPolicy callPolicy, Duration metadataLifetime) {

    /** An hour: metadata changes rarely, and a failed call drops it sooner. */
    public static final Duration DEFAULT_METADATA_LIFETIME = Duration.ofHours(1);

    public McpSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(clientMetadataUrl, "clientMetadataUrl");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(callPolicy, "callPolicy");
        Objects.requireNonNull(metadataLifetime, "metadataLifetime");
        if (clientId == null && clientSecret != null) {
            throw new IllegalArgumentException("a client secret needs its client id");
        }
        if (resource.getRawFragment() != null) {
            throw new IllegalArgumentException("an MCP server's URL has no fragment (RFC 8707 §2)");
        }
    }

    /** True when a client was registered beforehand, which then comes first (the MCP specification's order). */
    public boolean hasConfiguredClient() {
        return clientId != null;
    }

    public McpSettings withResource(URI url) {
        return new McpSettings(id, url, clientId, clientSecret, scopes, redirectUri, clientMetadataUrl, clientName,
                callPolicy, metadataLifetime);
    }

    public McpSettings withMetadataLifetime(Duration lifetime) {
        return new McpSettings(id, resource, clientId, clientSecret, scopes, redirectUri, clientMetadataUrl, clientName,
                callPolicy, lifetime);
    }
}
