package io.cioconnect.bootstrap;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.cioconnect.adapter.customerio.McpClientMetadata;
import io.cioconnect.adapter.customerio.McpPresets;
import io.cioconnect.adapter.customerio.McpSettings;
import io.javalin.apibuilder.EndpointGroup;

/**
 * {@code GET /oauth/customerio-mcp/client-metadata.json}: this service's OAuth Client ID Metadata Document, which
 * an MCP server's authorization server fetches when the service presents its URL as {@code client_id}. Public
 * and the same for everyone, so caches may keep it a few minutes.
 */
final class McpClientMetadataRoute implements EndpointGroup {

    private final byte[] document;

    McpClientMetadataRoute(McpSettings settings) {
        this.document = new McpClientMetadata(settings).document();
    }

    @Override
    public void addEndpoints() {
        get(McpPresets.CLIENT_METADATA_PATH, ctx -> ctx.header("Cache-Control", "public, max-age=300")
                .contentType("application/json").result(document));
    }
}
