package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.domain.AppApiRegion;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CUSTOMERIO_APP_API_* variables, and one clear line per problem. */
class AppApiSettingsReaderTest {

    private static AppApiSettings valid(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment, Mode.SERVE);
        AppApiSettings settings = AppApiSettingsReader.read(env).orElseThrow();
        assertThat(env.problems()).isEmpty();
        return settings;
    }

    private static List<String> problems(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment, Mode.SERVE);
        assertThat(AppApiSettingsReader.read(env)).isEmpty();
        return env.problems();
    }

    @Test
    void declaresTheProviderAdaptersOwnDefaults() {
        AppApiSettings settings = valid(Map.of());

        assertThat(settings).isEqualTo(AppApiSettings.defaults());
        assertThat(settings.checkUrl(AppApiRegion.US)).isEqualTo(URI.create("https://api.customer.io/v1/workspaces"));
        assertThat(settings.checkUrl(AppApiRegion.EU)).isEqualTo(URI.create("https://api-eu.customer.io/v1/workspaces"));
    }

    @Test
    void takesEachHostThePathAndTheCallLimitsFromTheEnvironment() {
        AppApiSettings settings = valid(Map.of(
                "CUSTOMERIO_APP_API_US_URL", "http://127.0.0.1:9001/",
                "CUSTOMERIO_APP_API_EU_URL", "https://eu.example.com/prefix",
                "CUSTOMERIO_APP_API_CHECK_PATH", "/v1/account",
                "CUSTOMERIO_APP_API_REQUEST_TIMEOUT", "3s",
                "CUSTOMERIO_APP_API_RATE_LIMIT", "5"));

        assertThat(settings.checkUrl(AppApiRegion.US)).isEqualTo(URI.create("http://127.0.0.1:9001/v1/account"));
        assertThat(settings.checkUrl(AppApiRegion.EU)).isEqualTo(URI.create("https://eu.example.com/prefix/v1/account"));
        assertThat(settings.callPolicy().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.callPolicy().rateLimit().permitsPerSecond()).isEqualTo(5);
    }

    @Test
    void listsEveryProblemOnItsOwnLineWithoutTheValue() {
        List<String> problems = problems(Map.of(
                "CUSTOMERIO_APP_API_US_URL", "http://api.example.com",
                "CUSTOMERIO_APP_API_EU_URL", "https://eu.example.com/?region=eu",
                "CUSTOMERIO_APP_API_CHECK_PATH", "v1/workspaces secret-looking",
                "CUSTOMERIO_APP_API_CONNECT_TIMEOUT", "forever"));

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("CUSTOMERIO_APP_API_US_URL must use https");
        assertThat(problems.get(1)).isEqualTo("CUSTOMERIO_APP_API_EU_URL must not contain a query");
        assertThat(problems.get(2)).startsWith("CUSTOMERIO_APP_API_CHECK_PATH must be a path");
        assertThat(problems.get(3)).startsWith("CUSTOMERIO_APP_API_CONNECT_TIMEOUT must be");
        assertThat(problems).allSatisfy(line -> assertThat(line).doesNotContain("secret-looking")
                .doesNotContain("api.example.com").doesNotContain("\n"));
    }
}
