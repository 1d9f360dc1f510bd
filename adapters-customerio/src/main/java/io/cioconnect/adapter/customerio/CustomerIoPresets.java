package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Customer.io's defaults: endpoints and MCP server per region, scope, JSON body with the secret in it. */
public final class CustomerIoPresets {

    public static final ProviderId PROVIDER_ID = new ProviderId("customerio");
    public static final String DISPLAY_NAME = "Customer.io";
    public static final String REGION_VARIABLE = "CUSTOMERIO_REGION";
    public static final URI AUTHORIZE_URL = URI.create("https://fly.customer.io/oauth/authorize");
    public static final String SCOPES = "full_access";

    private CustomerIoPresets() {
    }

    /** The data-centre regions Customer.io runs in: each has its token endpoint and its MCP server. */
    public enum Region {
        US(URI.create("https://api.customer.io/v1/oauth/token"), URI.create("https://mcp.customer.io/mcp")),
        EU(URI.create("https://api-eu.customer.io/v1/oauth/token"), URI.create("https://mcp-eu.customer.io/mcp"));

        private final URI tokenUrl;
        private final URI mcpUrl;

        Region(URI tokenUrl, URI mcpUrl) {
            this.tokenUrl = tokenUrl;
            this.mcpUrl = mcpUrl;
        }

        public URI tokenUrl() {
            return tokenUrl;
        }

        /** The region's MCP server: the resource {@code customerio-mcp} connects to by default. */
        public URI mcpUrl() {
            return mcpUrl;
        }

        /** {@code us} or {@code eu}, case-insensitively; blank means {@code us}. */
        public static Optional<Region> parse(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of(US);
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "us" -> Optional.of(US);
                case "eu" -> Optional.of(EU);
                default -> Optional.empty();
            };
        }
    }

    public static boolean appliesTo(ProviderId id) {
        return PROVIDER_ID.equals(id);
    }
}
