package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the settings of the {@code customerio-app-api} provider from the environment (SPEC §6):
 * {@code CUSTOMERIO_APP_API_US_URL}, {@code _EU_URL}, {@code _CHECK_PATH}, and the timeout and rate-limit
 * overrides every provider has. Nothing is required. Returns every problem at once, one line each.
 */
public final class AppApiSettingsReader {

    public static final ProviderId PROVIDER_ID = new ProviderId("customerio-app-api");

    /** A path, maybe with a query, of URI characters only: no spaces, no fragment, nothing to escape. */
    private static final Pattern CHECK_PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]{0,200}");

    private final CallPolicy basePolicy;

    public AppApiSettingsReader() {
        this(CallPolicy.defaults());
    }

    /** A reader whose timeouts and rate limit default to {@code basePolicy}'s. */
    public AppApiSettingsReader(CallPolicy basePolicy) {
        this.basePolicy = basePolicy;
    }

    /** True for the one provider whose connections are App API keys rather than OAuth grants. */
    public static boolean appliesTo(ProviderId id) {
        return PROVIDER_ID.equals(id);
    }

    public Result read(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, PROVIDER_ID.environmentPrefix());
        URI us = baseUrl(env, "US_URL", AppApiSettings.DEFAULT_US_URL);
        URI eu = baseUrl(env, "EU_URL", AppApiSettings.DEFAULT_EU_URL);
        String checkPath = env.text("CHECK_PATH").map(String::trim).orElse(AppApiSettings.DEFAULT_CHECK_PATH);
        if (!CHECK_PATH.matcher(checkPath).matches()) {
            env.problem(env.name("CHECK_PATH") + " must be a path starting with '/', like /v1/workspaces");
        }
        CallPolicy policy = CallPolicies.read(env, basePolicy);
        if (!env.problems().isEmpty()) {
            return new Invalid(env.problems());
        }
        return new Valid(new AppApiSettings(us, eu, checkPath, policy));
    }

    private static URI baseUrl(EnvironmentVariables env, String suffix, URI fallback) {
        URI url = env.url(suffix, fallback);
        if (url != null && url.getRawQuery() != null) {
            env.problem(env.name(suffix) + " must not contain a query");
            return null;
        }
        return url;
    }

    /** Usable settings, or one line per problem naming the variable; never a value. */
    public sealed interface Result permits Valid, Invalid {
    }

    /** Usable settings. */
    public record Valid(AppApiSettings settings) implements Result {
        public Valid {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** One line per problem, each naming the variable and what is wrong. */
    public record Invalid(List<String> problems) implements Result {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one problem");
            }
        }
    }
}
