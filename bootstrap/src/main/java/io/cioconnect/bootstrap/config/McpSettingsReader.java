package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_MCP_CLIENT_ID;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_MCP_CLIENT_NAME;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_MCP_CLIENT_SECRET;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_MCP_SCOPES;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_MCP_URL;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_REGION;

import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.CustomerIoPresets.Region;
import io.cioconnect.adapter.customerio.McpPresets;
import io.cioconnect.adapter.customerio.McpSettings;
import io.cioconnect.application.ConnectSettings;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code customerio-mcp}'s variables into the provider adapter's {@link McpSettings}: the MCP server (by
 * {@code CUSTOMERIO_REGION} unless {@code CUSTOMERIO_MCP_URL} names one), an optional client registered
 * beforehand, the scopes and the client name, plus the call policy every provider has. The callback and the
 * client ID metadata document's URL derive from {@code PUBLIC_BASE_URL}. Give it a reader of its own: it
 * answers empty when that reader holds any problem.
 */
final class McpSettingsReader {

    private McpSettingsReader() {
    }

    /** True when {@code dev} connects to its sandbox's MCP server: no server is named. */
    static boolean atSandbox(EnvironmentReader env) {
        return env.mode() == Mode.DEV && !env.isGiven(CUSTOMERIO_MCP_URL);
    }

    static Optional<McpSettings> read(EnvironmentReader env, URI publicBaseUrl) {
        Region region = env.value(CUSTOMERIO_REGION, Region::parse, "must be us or eu");
        Optional<URI> resource = env.isGiven(CUSTOMERIO_MCP_URL) ? ProviderValues.endpoint(env, CUSTOMERIO_MCP_URL)
                : Optional.of(region.mcpUrl());
        resource.filter(url -> url.getRawQuery() != null)
                .ifPresent(url -> env.problem(CUSTOMERIO_MCP_URL.name() + " must not contain a query (RFC 8707 §2)"));
        Optional<String> clientId = env.given(CUSTOMERIO_MCP_CLIENT_ID);
        Optional<String> secret = env.given(CUSTOMERIO_MCP_CLIENT_SECRET);
        if (secret.isPresent() && clientId.isEmpty()) {
            env.problem(CUSTOMERIO_MCP_CLIENT_SECRET.name() + " is set without " + CUSTOMERIO_MCP_CLIENT_ID.name());
        }
        if (clientId.map(McpSettingsReader::hasControlCharacters).orElse(false)
                || secret.map(McpSettingsReader::hasControlCharacters).orElse(false)) {
            env.problem(CUSTOMERIO_MCP_CLIENT_ID.name() + " or " + CUSTOMERIO_MCP_CLIENT_SECRET.name()
                    + " contains control characters");
        }
        Scopes scopes = scopes(env);
        String clientName = env.text(CUSTOMERIO_MCP_CLIENT_NAME).orElse(McpPresets.CLIENT_NAME);
        CallPolicy policy = ProviderValues.callPolicy(env, McpPresets.PROVIDER_ID);
        if (!env.problems().isEmpty()) {
            return Optional.empty();
        }
        // The callback as the flow sends it, from the one place that says how it is made.
        ConnectSettings urls = ConnectSettings.defaults(publicBaseUrl, Set.of());
        return Optional.of(new McpSettings(McpPresets.PROVIDER_ID, resource.orElseThrow(), clientId.orElse(null),
                secret.map(ClientSecret::new).orElse(null), scopes, urls.callbackUri(McpPresets.PROVIDER_ID),
                URI.create(urls.publicBaseUrl() + McpPresets.CLIENT_METADATA_PATH), clientName, policy,
                McpSettings.DEFAULT_METADATA_LIFETIME));
    }

    private static Scopes scopes(EnvironmentReader env) {
        try {
            return Scopes.parse(env.given(CUSTOMERIO_MCP_SCOPES).orElse(""));
        } catch (DomainException e) {
            env.problem(CUSTOMERIO_MCP_SCOPES.name() + " must be space-separated scopes: " + e.getMessage());
            return Scopes.none();
        }
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
