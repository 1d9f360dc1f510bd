package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.adapter.customerio.McpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** customerio-mcp's variables, read by the one reader into the adapter's settings. */
class McpSettingsReaderTest {

    private static Map<String, String> serve(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("PUBLIC_BASE_URL", "https://connect.example.com/");
        env.put("API_KEYS", "backend:s3cret-api-key-0123456789abcdef");
        env.put("ENCRYPTION_KEYS", "k1:" + "QUJD".repeat(10) + "QUI=");
        env.put("PROVIDERS", "customerio-mcp");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static McpSettings mcp(Map<String, String> env) {
        return ServiceConfig.read(env, Mode.SERVE).providerConfig().mcp().orElseThrow();
    }

    private static void assertRefused(Map<String, String> env, String line) {
        assertThatThrownBy(() -> ServiceConfig.read(env, Mode.SERVE)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith(line));
    }

    @Test
    void connectsToCustomerIosUsMcpServerByDefault() {
        McpSettings settings = mcp(serve());

        assertThat(settings.resource()).isEqualTo(URI.create("https://mcp.customer.io/mcp"));
        assertThat(settings.hasConfiguredClient()).isFalse();
        assertThat(settings.scopes().isEmpty()).as("the server names them").isTrue();
        assertThat(settings.redirectUri()).hasToString("https://connect.example.com/oauth/customerio-mcp/callback");
        assertThat(settings.clientMetadataUrl())
                .hasToString("https://connect.example.com/oauth/customerio-mcp/client-metadata.json");
        assertThat(settings.clientName()).isEqualTo("cio-connect");
        assertThat(settings.metadataLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void followsTheRegionToTheEuMcpServer() {
        assertThat(mcp(serve("CUSTOMERIO_REGION", "eu")).resource()).isEqualTo(URI.create("https://mcp-eu.customer.io/mcp"));
    }

    @Test
    void takesTheNamedMcpServerAClientScopesAndName() {
        McpSettings settings = mcp(serve("CUSTOMERIO_MCP_URL", "https://mcp.example.com/tenant/mcp",
                "CUSTOMERIO_MCP_CLIENT_ID", "pre-registered", "CUSTOMERIO_MCP_CLIENT_SECRET", "pre-secret",
                "CUSTOMERIO_MCP_SCOPES", "mcp:read mcp:write", "CUSTOMERIO_MCP_CLIENT_NAME", "Acme AI"));

        assertThat(settings.resource()).isEqualTo(URI.create("https://mcp.example.com/tenant/mcp"));
        assertThat(settings.clientId()).isEqualTo("pre-registered");
        assertThat(settings.clientSecret().value()).isEqualTo("pre-secret");
        assertThat(settings.scopes().render()).isEqualTo("mcp:read mcp:write");
        assertThat(settings.clientName()).isEqualTo("Acme AI");
        assertThat(settings.toString()).doesNotContain("pre-secret");
    }

    @Test
    void refusesAPlainHttpMcpServerOffLoopbackInOneLineWithoutTheValue() {
        Map<String, String> env = serve("CUSTOMERIO_MCP_URL", "http://mcp.example.com/mcp");

        assertRefused(env, "CUSTOMERIO_MCP_URL must use https");
        assertThatThrownBy(() -> ServiceConfig.read(env, Mode.SERVE)).hasMessageNotContaining("mcp.example.com");
    }

    @Test
    void refusesAnMcpServerUrlWithAQuery() {
        assertRefused(serve("CUSTOMERIO_MCP_URL", "https://mcp.example.com/mcp?tenant=1"),
                "CUSTOMERIO_MCP_URL must not contain a query");
    }

    @Test
    void refusesASecretWithoutItsClientId() {
        assertRefused(serve("CUSTOMERIO_MCP_CLIENT_SECRET", "orphan-secret"),
                "CUSTOMERIO_MCP_CLIENT_SECRET is set without CUSTOMERIO_MCP_CLIENT_ID");
    }

    @Test
    void devConnectsToTheSandboxUnlessAServerIsNamed() {
        Map<String, String> env = serve();
        env.remove("PUBLIC_BASE_URL");
        env.put("PROVIDERS", "sandbox,customerio-mcp");

        assertThat(ServiceConfig.read(env, Mode.DEV).providerConfig().mcpAtSandbox()).isTrue();
        env.put("CUSTOMERIO_MCP_URL", "http://127.0.0.1:9999/mcp");
        assertThat(ServiceConfig.read(env, Mode.DEV).providerConfig().mcpAtSandbox()).isFalse();
    }

    @Test
    void isNotReadUnlessEnabled() {
        Map<String, String> env = serve("CUSTOMERIO_MCP_URL", "not a url");
        env.put("PROVIDERS", "customerio");
        env.put("CUSTOMERIO_CLIENT_ID", "id");
        env.put("CUSTOMERIO_CLIENT_SECRET", "secret");

        assertThat(ServiceConfig.read(env, Mode.SERVE).providerConfig().mcp()).isEmpty();
    }
}
