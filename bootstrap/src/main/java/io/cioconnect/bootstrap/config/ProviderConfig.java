package io.cioconnect.bootstrap.config;

import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.adapter.customerio.McpPresets;
import io.cioconnect.adapter.customerio.McpSettings;
import io.cioconnect.adapter.customerio.ProviderSettings;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the providers {@code PROVIDERS} enables, read from their variables: the OAuth providers
 * by id, where App API keys are checked, and the MCP server of {@code customerio-mcp}. In {@code serve} a
 * provider's problem stops start-up; in {@code dev} the provider is left out with a warning (the App API falls
 * back to the sandbox's).
 *
 * @param appApi       empty when {@code customerio-app-api} is not enabled, or in {@code dev} checks keys at the sandbox
 * @param mcp          empty when {@code customerio-mcp} is not enabled (or {@code dev} left it out)
 * @param mcpAtSandbox {@code dev} names no MCP server: {@code customerio-mcp} connects to the sandbox's
 */
public record ProviderConfig(Map<ProviderId, ProviderSettings> oauth, Optional<AppApiSettings> appApi,
        Optional<McpSettings> mcp, boolean mcpAtSandbox) {

    /** The built-in provider of {@code dev}, which needs no variables. */
    public static final ProviderId SANDBOX = new ProviderId("sandbox");

    static ProviderConfig read(EnvironmentReader env, List<ProviderId> enabled, URI publicBaseUrl, List<String> warnings) {
        Map<ProviderId, ProviderSettings> oauth = new LinkedHashMap<>();
        Optional<AppApiSettings> appApi = Optional.empty();
        Optional<McpSettings> mcp = Optional.empty();
        for (ProviderId id : Scope.SERVERS.includes(env.mode()) ? enabled : List.<ProviderId>of()) {
            EnvironmentReader provider = env.separately();
            if (id.equals(SANDBOX)) {
                if (env.mode() != Mode.DEV) {
                    env.problem("PROVIDERS names sandbox, which exists only in the dev command");
                }
            } else if (id.equals(AppApiSettings.PROVIDER_ID)) {
                boolean sandbox = env.mode() == Mode.DEV && !AppApiSettingsReader.hostsGiven(provider);
                appApi = sandbox ? Optional.empty() : AppApiSettingsReader.read(provider);
            } else if (id.equals(McpPresets.PROVIDER_ID)) {
                mcp = McpSettingsReader.read(provider, publicBaseUrl);
            } else {
                ProviderSettingsReader.read(provider, id).ifPresent(settings -> oauth.put(id, settings));
            }
            if (provider.problems().isEmpty()) {
                continue;
            }
            if (env.mode() == Mode.DEV) {
                warnings.add((id.equals(AppApiSettings.PROVIDER_ID) ? "App API keys are checked by the sandbox instead: "
                        : "Provider " + id + " is left out: ") + String.join("; ", provider.problems()));
            } else {
                provider.problems().forEach(env::problem);
            }
        }
        return new ProviderConfig(Collections.unmodifiableMap(oauth), appApi, mcp, McpSettingsReader.atSandbox(env));
    }
}
