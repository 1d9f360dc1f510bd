package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.bootstrap.config.ConfigurationException;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the composition root enables {@code customerio-app-api}: a key provider, not an OAuth client. */
class ProviderSetupAppApiTest {

    private static Map<String, String> serve(String providers, String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("PUBLIC_BASE_URL", "https://connect.example.com");
        env.put("API_KEYS", "backend:s3cret-api-key-0123456789abcdef");
        env.put("ENCRYPTION_KEYS", "k1:" + "QUJD".repeat(10) + "QUI=");
        env.put("PROVIDERS", providers);
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static ProviderSetup setup(Map<String, String> env, Mode mode) {
        return new ProviderSetup(ServiceConfig.read(env, mode), new SimpleMeterRegistry());
    }

    @Test
    void enabledItNeedsNoClientCredentialsAndIsListedAsAKeyProvider() {
        ProviderSetup setup = setup(serve("customerio-app-api"), Mode.SERVE);

        ApiKeyVerifier verifier = setup.appApiKeys(null);

        assertThat(setup.build(null)).isEmpty();
        assertThat(setup.keyProviders(verifier)).extracting(ProviderDescriptor::id)
                .extracting(Object::toString).containsExactly("customerio-app-api");
    }

    @Test
    void enabledWithABadHostItStopsServeWithOneLineNamingTheVariable() {
        assertThatThrownBy(() -> ServiceConfig.read(serve("customerio-app-api", "CUSTOMERIO_APP_API_EU_URL",
                "http://eu.example.com"), Mode.SERVE)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("CUSTOMERIO_APP_API_EU_URL must use https")
                        .doesNotContain("eu.example.com"));
    }

    @Test
    void enabledWithABadHostDevWarnsAndChecksKeysAtTheSandbox() {
        Map<String, String> env = serve("customerio-app-api", "CUSTOMERIO_APP_API_EU_URL", "http://eu.example.com");
        env.remove("PUBLIC_BASE_URL");

        ServiceConfig config = ServiceConfig.read(env, Mode.DEV);

        assertThat(config.providerConfig().appApi()).isEmpty();
        assertThat(config.warnings()).singleElement().asString()
                .startsWith("App API keys are checked by the sandbox instead: CUSTOMERIO_APP_API_EU_URL must use https");
    }

    @Test
    void notEnabledItIsNotListedAndItsVariablesAreNotRead() {
        ProviderSetup setup = setup(serve("customerio", "CUSTOMERIO_CLIENT_ID", "id", "CUSTOMERIO_CLIENT_SECRET", "secret",
                "CUSTOMERIO_APP_API_EU_URL", "not a url"), Mode.SERVE);

        assertThat(setup.keyProviders(setup.appApiKeys(null))).isEmpty();
    }
}
