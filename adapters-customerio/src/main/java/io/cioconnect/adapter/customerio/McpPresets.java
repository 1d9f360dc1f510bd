package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.ProviderId;

/** Customer.io's MCP server as a provider: its id, its name, and where this service's client metadata lives. */
public final class McpPresets {

    public static final ProviderId PROVIDER_ID = new ProviderId("customerio-mcp");
    public static final String DISPLAY_NAME = "Customer.io MCP";
    /** The path of the client ID metadata document this service serves; on PUBLIC_BASE_URL it is the client id. */
    public static final String CLIENT_METADATA_PATH = "/oauth/customerio-mcp/client-metadata.json";
    public static final String CLIENT_NAME = "cio-connect";

    private McpPresets() {
    }
}
