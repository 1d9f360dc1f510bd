package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_APP_API_CHECK_PATH;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_APP_API_EU_URL;
import static io.cioconnect.bootstrap.config.Variable.CUSTOMERIO_APP_API_US_URL;

import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.adapter.customerio.CallPolicy;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code customerio-app-api} provider's variables: {@code CUSTOMERIO_APP_API_US_URL}, {@code _EU_URL},
 * {@code _CHECK_PATH}, and the timeouts and rate limit every provider has. Nothing is required. Give it a
 * reader of its own: it answers empty when that reader holds any problem.
 */
final class AppApiSettingsReader {

    /** A path, maybe with a query, of URI characters only: no spaces, no fragment, nothing to escape. */
    private static final Pattern CHECK_PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]{0,200}");

    private AppApiSettingsReader() {
    }

    /** True when a host is configured: {@code dev} then checks keys there rather than at its sandbox. */
    static boolean hostsGiven(EnvironmentReader env) {
        return env.isGiven(CUSTOMERIO_APP_API_US_URL) || env.isGiven(CUSTOMERIO_APP_API_EU_URL);
    }

    static Optional<AppApiSettings> read(EnvironmentReader env) {
        Optional<URI> us = baseUrl(env, CUSTOMERIO_APP_API_US_URL);
        Optional<URI> eu = baseUrl(env, CUSTOMERIO_APP_API_EU_URL);
        String checkPath = env.value(CUSTOMERIO_APP_API_CHECK_PATH,
                path -> Optional.of(path).filter(p -> CHECK_PATH.matcher(p).matches()),
                "must be a path starting with '/', like /v1/workspaces");
        CallPolicy policy = ProviderValues.callPolicy(env, AppApiSettings.PROVIDER_ID);
        if (!env.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AppApiSettings(us.orElseThrow(), eu.orElseThrow(), checkPath, policy));
    }

    private static Optional<URI> baseUrl(EnvironmentReader env, Setting setting) {
        Optional<URI> url = ProviderValues.endpoint(env, setting);
        if (url.isPresent() && url.get().getRawQuery() != null) {
            env.problem(setting.name() + " must not contain a query");
            return Optional.empty();
        }
        return url;
    }
}
