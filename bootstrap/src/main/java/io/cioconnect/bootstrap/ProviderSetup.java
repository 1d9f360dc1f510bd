package io.cioconnect.bootstrap;

import io.cioconnect.adapter.customerio.AppApiKeyVerifier;
import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.ClientAuthMethod;
import io.cioconnect.adapter.customerio.HttpOAuthProvider;
import io.cioconnect.adapter.customerio.McpOAuthProvider;
import io.cioconnect.adapter.customerio.ProviderDiscovery;
import io.cioconnect.adapter.customerio.ProviderSettings;
import io.cioconnect.adapter.customerio.TokenRequestFormat;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.bootstrap.config.ConfigurationException;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ProviderConfig;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.cioconnect.devsandbox.SandboxSettings;
import io.cioconnect.domain.ProviderId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the enabled providers from their configured settings: the OAuth clients (discovering endpoints
 * from an issuer where asked), the MCP client of {@code customerio-mcp} and the App API key check of
 * {@code customerio-app-api}. A provider whose
 * discovery fails stops {@code serve}; {@code dev} leaves it out with a warning, so the sandbox works on a
 * machine with nothing configured.
 */
final class ProviderSetup {

    private static final ProviderId SANDBOX = ProviderConfig.SANDBOX;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSetup.class);

    private final ServiceConfig config;
    private final MeterRegistry meters;

    ProviderSetup(ServiceConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    List<OAuthProvider> build(SandboxSettings sandbox) {
        List<OAuthProvider> providers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProviderId id : config.providers()) {
            ProviderSettings settings = config.providerConfig().oauth().get(id);
            if (id.equals(SANDBOX) && sandbox != null) {
                providers.add(sandboxProvider(sandbox));
            } else if (settings != null) {
                new ProviderDiscovery(meters).resolve(settings).match(
                        valid -> providers.add(new HttpOAuthProvider(valid.settings(), meters)),
                        invalid -> leaveOut(id, invalid.problems(), problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return providers;
    }

    /** A provider whose settings do not work: left out with a warning in {@code dev}, a refusal to start otherwise. */
    private void leaveOut(ProviderId id, List<String> reasons, List<String> problems) {
        if (config.mode() == Mode.DEV) {
            LOG.warn("Provider {} is left out: {}", id, String.join("; ", reasons));
        } else {
            problems.addAll(reasons);
        }
    }

    /**
     * The App API key check. Always built, since the key form's use cases need it; connect sessions for it
     * exist only when {@link #appApiKeysEnabled()}. In {@code dev} without configured hosts, both regions are
     * the sandbox's fake App API.
     */
    ApiKeyVerifier appApiKeys(SandboxSettings sandbox) {
        AppApiSettings settings = config.providerConfig().appApi()
                .orElse(appApiKeysEnabled() && sandbox != null ? AppApiSettings.bothRegionsAt(sandbox.appApiUrl())
                        : AppApiSettings.defaults());
        return new AppApiKeyVerifier(settings, meters);
    }

    /** True when {@code PROVIDERS} names {@code customerio-app-api}. */
    boolean appApiKeysEnabled() {
        return config.providers().contains(AppApiSettings.PROVIDER_ID);
    }

    /**
     * {@code customerio-mcp}, when enabled: at the sandbox's MCP server in {@code dev} unless one is named. Built
     * without calling the server: it is discovered when a flow first needs it, so an unreachable MCP server
     * leaves the service starting and only this provider failing.
     */
    Optional<McpOAuthProvider> mcp(SandboxSettings sandbox, ClientRegistrationStore registrations) {
        return config.providerConfig().mcp()
                .map(settings -> config.providerConfig().mcpAtSandbox() && sandbox != null
                        ? settings.withResource(sandbox.mcpResource()) : settings)
                .map(settings -> new McpOAuthProvider(settings, registrations, meters));
    }

    /** The providers in the order {@code PROVIDERS} names them. */
    List<OAuthProvider> inConfiguredOrder(List<OAuthProvider> providers) {
        List<OAuthProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparingInt(provider -> config.providers().indexOf(provider.descriptor().id())));
        return ordered;
    }

    /** The descriptors of the enabled providers connected with an API key rather than OAuth. */
    List<ProviderDescriptor> keyProviders(ApiKeyVerifier appApiKeys) {
        return appApiKeysEnabled() ? List.of(appApiKeys.descriptor()) : List.of();
    }

    private OAuthProvider sandboxProvider(SandboxSettings sandbox) {
        return new HttpOAuthProvider(new ProviderSettings(SANDBOX, sandbox.clientId(), sandbox.clientSecret(),
                sandbox.authorizeUrl(), sandbox.tokenUrl(), sandbox.revocationUrl(), sandbox.issuer().toString(), sandbox.scopes(),
                TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC, CallPolicy.defaults(), true), meters);
    }
}
