package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.domain.Loopback;
import java.net.URI;
import java.util.Locale;

/**
 * This service's client metadata for an MCP server's authorization server (RFC 7591 §2): a public client
 * ({@code token_endpoint_auth_method} {@code none}, protected by PKCE) of the authorization-code and refresh
 * grants, with the service's callback as its one redirect URI. Served as its OAuth Client ID Metadata Document,
 * whose URL is then the client id, and sent as is to register dynamically.
 */
public final class McpClientMetadata {

    private final McpSettings settings;

    public McpClientMetadata(McpSettings settings) {
        this.settings = settings;
    }

    /** The client ID metadata document: the metadata, with {@code client_id} the document's own URL, exactly. */
    public byte[] document() {
        ObjectNode document = Json.newObject().put("client_id", settings.clientMetadataUrl().toString());
        document.setAll(metadata());
        return Json.write(document);
    }

    /** An RFC 7591 §3.1 registration request: the same metadata, without a client id (the server assigns it). */
    byte[] registration() {
        return Json.write(metadata());
    }

    /** The document's URL may serve as a client id: https with a path, or http on this machine (dev, tests). */
    boolean documentUrlUsable() {
        URI url = settings.clientMetadataUrl();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean hasPath = url.getRawPath() != null && url.getRawPath().length() > 1;
        return hasPath && (scheme.equals("https") || (scheme.equals("http") && Loopback.isLoopback(url)));
    }

    private ObjectNode metadata() {
        ObjectNode metadata = Json.newObject();
        metadata.put("client_name", settings.clientName());
        metadata.putArray("redirect_uris").add(settings.redirectUri().toString());
        metadata.putArray("grant_types").add("authorization_code").add("refresh_token");
        metadata.putArray("response_types").add("code");
        metadata.put("token_endpoint_auth_method", McpClient.NONE);
        // OpenID Connect registration reads redirect URIs by application type; a loopback callback is a native app's.
        metadata.put("application_type", Loopback.isLoopback(settings.redirectUri()) ? "native" : "web");
        return metadata;
    }
}
