package io.cioconnect.bootstrap;

import io.cioconnect.adapter.customerio.AppApiKeyVerifier;
import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.adapter.customerio.AppApiSettingsReader;
import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.ClientAuthMethod;
import io.cioconnect.adapter.customerio.HttpOAuthProvider;
import io.cioconnect.adapter.customerio.ProviderDiscovery;
import io.cioconnect.adapter.customerio.ProviderSettings;
import io.cioconnect.adapter.customerio.ProviderSettingsReader;
import io.cioconnect.adapter.customerio.SettingsResult;
import io.cioconnect.adapter.customerio.TokenRequestFormat;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.bootstrap.config.ConfigurationException;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.cioconnect.bootstrap.dev.SandboxSettings;
import io.cioconnect.domain.ProviderId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the enabled OAuth providers from {@code PROVIDERS} and the {@code <ID>_*} variables, and the App API
 * key check of {@code customerio-app-api} from {@code CUSTOMERIO_APP_API_*}. In {@code serve} a provider that
 * cannot be configured stops start-up; in {@code dev} it is left out with a warning, so the sandbox works on
 * a machine with nothing configured.
 */
final class ProviderSetup {

    static final ProviderId SANDBOX = new ProviderId("sandbox");
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSetup.class);

    private final ServiceConfig config;
    private final Map<String, String> environment;
    private final MeterRegistry meters;

    ProviderSetup(ServiceConfig config, Map<String, String> environment, MeterRegistry meters) {
        this.config = config;
        this.environment = environment;
        this.meters = meters;
    }

    List<OAuthProvider> build(SandboxSettings sandbox) {
        List<OAuthProvider> providers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProviderId id : config.providers()) {
            if (id.equals(SANDBOX)) {
                addSandbox(sandbox, providers, problems);
                continue;
            }
            if (AppApiSettingsReader.appliesTo(id)) {
                continue; // not an OAuth provider: see appApiKeys
            }
            SettingsResult result = new ProviderSettingsReader().read(id, environment);
            if (result instanceof SettingsResult.Valid valid && valid.settings().needsDiscovery()) {
                result = new ProviderDiscovery(meters).resolve(valid.settings());
            }
            if (result instanceof SettingsResult.Valid valid) {
                providers.add(new HttpOAuthProvider(valid.settings(), meters));
            } else if (config.mode() == Mode.DEV) {
                LOG.warn("Provider {} is left out: {}", id, String.join("; ", ((SettingsResult.Invalid) result).problems()));
            } else {
                problems.addAll(((SettingsResult.Invalid) result).problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return providers;
    }

    /**
     * The App API key check. Always built, since the key form's use cases need it; connect sessions for it
     * exist only when {@link #appApiKeysEnabled()}, and only then are its variables read. In {@code dev}
     * without {@code CUSTOMERIO_APP_API_US_URL} or {@code _EU_URL}, both regions are the sandbox's fake App API.
     */
    ApiKeyVerifier appApiKeys(SandboxSettings sandbox) {
        if (!appApiKeysEnabled()) {
            return new AppApiKeyVerifier(AppApiSettings.defaults(), meters);
        }
        boolean hostsConfigured = environment.containsKey("CUSTOMERIO_APP_API_US_URL")
                || environment.containsKey("CUSTOMERIO_APP_API_EU_URL");
        if (sandbox != null && !hostsConfigured) {
            return new AppApiKeyVerifier(AppApiSettings.bothRegionsAt(sandbox.appApiUrl()), meters);
        }
        AppApiSettingsReader.Result result = new AppApiSettingsReader().read(environment);
        if (result instanceof AppApiSettingsReader.Invalid invalid && sandbox != null) {
            LOG.warn("App API keys are checked by the sandbox instead: {}", String.join("; ", invalid.problems()));
            return new AppApiKeyVerifier(AppApiSettings.bothRegionsAt(sandbox.appApiUrl()), meters);
        }
        if (result instanceof AppApiSettingsReader.Invalid invalid) {
            throw new ConfigurationException(invalid.problems());
        }
        return new AppApiKeyVerifier(((AppApiSettingsReader.Valid) result).settings(), meters);
    }

    /** True when {@code PROVIDERS} names {@code customerio-app-api}. */
    boolean appApiKeysEnabled() {
        return config.providers().contains(AppApiSettingsReader.PROVIDER_ID);
    }

    /** The descriptors of the enabled providers connected with an API key rather than OAuth. */
    List<ProviderDescriptor> keyProviders(ApiKeyVerifier appApiKeys) {
        return appApiKeysEnabled() ? List.of(appApiKeys.descriptor()) : List.of();
    }

    private void addSandbox(SandboxSettings sandbox, List<OAuthProvider> providers, List<String> problems) {
        if (sandbox == null) {
            problems.add("PROVIDERS names sandbox, which exists only in the dev command");
            return;
        }
        providers.add(new HttpOAuthProvider(new ProviderSettings(SANDBOX, sandbox.clientId(), sandbox.clientSecret(),
                sandbox.authorizeUrl(), sandbox.tokenUrl(), sandbox.revocationUrl(), sandbox.issuer().toString(), sandbox.scopes(),
                TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC, CallPolicy.defaults(), true), meters));
    }
}
