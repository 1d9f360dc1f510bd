package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

class ServiceConfigTest {

    private static final String API_SECRET = "s3cret-api-key-0123456789abcdef";
    private static final String KEY = "k1:" + "QUJD".repeat(10) + "QUI=";

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("CUSTOMERIO_CLIENT_ID", "cio-client");
        env.put("CUSTOMERIO_CLIENT_SECRET", "cio-client-secret");
        env.put("PUBLIC_BASE_URL", "https://connect.example.com");
        env.put("API_KEYS", "backend:" + API_SECRET);
        env.put("ENCRYPTION_KEYS", KEY);
        return env;
    }

    private static Map<String, String> productionWith(String name, String value) {
        Map<String, String> env = production();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    @Test
    void readsAProductionConfigurationWithDefaults() {
        ServiceConfig config = ServiceConfig.read(production(), Mode.SERVE);

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.apiKeys()).containsEntry("backend", API_SECRET);
        assertThat(config.allowedReturnOrigins()).containsExactly("https://connect.example.com");
        assertThat(config.providers()).extracting(Object::toString).containsExactly("customerio");
        assertThat(config.refreshSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.refreshWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.connectSessionTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.databasePoolSize()).isEqualTo(10);
        assertThat(config.migrateOnStart()).isTrue();
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.logLevel()).isEqualTo(Level.INFO);
        assertThat(config.authFailureLimit()).isEqualTo(60);
        assertThat(config.providerConfig().oauth()).containsOnlyKeys(new ProviderId("customerio"));
    }

    @Test
    void devListensOnLoopbackAndOthersWhereBindAddressSays() {
        Map<String, String> env = production();
        env.remove("PUBLIC_BASE_URL");

        assertThat(ServiceConfig.read(env, Mode.DEV).bindAddress()).isEqualTo("127.0.0.1");
        env.put("BIND_ADDRESS", "::");
        assertThat(ServiceConfig.read(env, Mode.DEV).warnings())
                .singleElement().asString().startsWith("BIND_ADDRESS :: is not a loopback address");
        assertThat(ServiceConfig.read(productionWith("BIND_ADDRESS", "10.1.2.3"), Mode.SERVE).bindAddress())
                .isEqualTo("10.1.2.3");
    }

    @Test
    void readsTheDatabasePoolSizeAndTheLogLevel() {
        Map<String, String> env = production();
        env.put("DATABASE_URL", "jdbc:postgresql://db.internal:5432/cio");
        env.put("DATABASE_POOL_SIZE", "25");
        env.put("LOG_LEVEL", "DEBUG");

        ServiceConfig config = ServiceConfig.read(env, Mode.SERVE);

        assertThat(config.database()).hasValueSatisfying(database -> assertThat(database.maxPoolSize()).isEqualTo(25));
        assertThat(config.databasePoolSize()).isEqualTo(25);
        assertThat(config.logLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void devEnablesTheSandboxAppApiKeysAndMcpBesideCustomerIoByDefault() {
        Map<String, String> env = production();
        env.remove("PUBLIC_BASE_URL");

        ServiceConfig config = ServiceConfig.read(env, Mode.DEV);

        assertThat(config.providers()).extracting(Object::toString)
                .containsExactly("customerio", "sandbox", "customerio-app-api", "customerio-mcp");
        assertThat(config.providerConfig().mcpAtSandbox()).as("no MCP server named: the sandbox's").isTrue();
    }

    @Test
    void readsEveryDurationForm() {
        Map<String, String> env = production();
        env.put("REFRESH_SKEW", "90s");
        env.put("REFRESH_WINDOW", "PT10M");
        env.put("REFRESH_INTERVAL", "1h");
        env.put("RETURN_TO_ALLOWED_ORIGINS", "https://App.example.com:443, http://localhost:3000");

        ServiceConfig config = ServiceConfig.read(env, Mode.SERVE);

        assertThat(config.refreshSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.refreshWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.allowedReturnOrigins()).isEqualTo(Set.of("https://app.example.com", "http://localhost:3000"));
    }

    @Test
    void allowsPlainHttpOnLoopback() {
        ServiceConfig config = ServiceConfig.read(productionWith("PUBLIC_BASE_URL", "http://127.0.0.1:8080"), Mode.SERVE);

        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of(productionWith("PUBLIC_BASE_URL", null), "PUBLIC_BASE_URL is required"),
                Arguments.of(productionWith("PUBLIC_BASE_URL", "http://connect.example.com"), "PUBLIC_BASE_URL must use https"),
                Arguments.of(productionWith("PUBLIC_BASE_URL", "http://127.evil.example"), "PUBLIC_BASE_URL must use https"),
                Arguments.of(productionWith("PUBLIC_BASE_URL", "http://localhost.evil.example"), "PUBLIC_BASE_URL must use https"),
                Arguments.of(productionWith("PUBLIC_BASE_URL", "connect.example.com"), "PUBLIC_BASE_URL must be an absolute"),
                Arguments.of(productionWith("API_KEYS", null), "API_KEYS is required"),
                Arguments.of(productionWith("API_KEYS", "backend"), "API_KEYS entry 1 must look like name:secret"),
                Arguments.of(productionWith("API_KEYS", "backend:short"), "API_KEYS key 'backend' needs a secret of at least"),
                Arguments.of(productionWith("API_KEYS", "b d:" + API_SECRET), "API_KEYS entry 1 has a name"),
                Arguments.of(productionWith("API_KEYS", "a:" + API_SECRET + ",a:" + API_SECRET), "API_KEYS names key 'a' twice"),
                Arguments.of(productionWith("ENCRYPTION_KEYS", null), "ENCRYPTION_KEYS is required"),
                Arguments.of(productionWith("ENCRYPTION_KEYS", "k1:c2hvcnQ="), "ENCRYPTION_KEYS key 'k1'"),
                Arguments.of(productionWith("ENCRYPTION_KEYS", "k1"), "ENCRYPTION_KEYS entry 1 is not of the form"),
                Arguments.of(productionWith("PORT", "http"), "PORT must be a whole number from 1 to 65535"),
                Arguments.of(productionWith("PORT", "70000"), "PORT must be a whole number from 1 to 65535"),
                Arguments.of(productionWith("DATABASE_URL", "mysql://db/x"), "DATABASE_URL must look like jdbc:postgresql://"),
                Arguments.of(productionWith("DATABASE_URL", "postgres:///x"), "DATABASE_URL must name a host"),
                Arguments.of(productionWith("DATABASE_POOL_SIZE", "0"), "DATABASE_POOL_SIZE must be a whole number from 1"),
                Arguments.of(productionWith("BIND_ADDRESS", "example.com"), "BIND_ADDRESS must be an IP address"),
                Arguments.of(productionWith("LOG_LEVEL", "verbose"), "LOG_LEVEL must be trace, debug, info, warn or error"),
                Arguments.of(productionWith("REFRESH_SKEW", "soon"), "REFRESH_SKEW must be a duration"),
                Arguments.of(productionWith("REFRESH_INTERVAL", "0s"), "REFRESH_INTERVAL must be a duration longer than zero"),
                Arguments.of(productionWith("CONNECT_SESSION_TTL", "-5m"), "CONNECT_SESSION_TTL must be a duration"),
                Arguments.of(productionWith("AUTHORIZATION_TTL", "ten"), "AUTHORIZATION_TTL must be a duration"),
                Arguments.of(productionWith("LOG_FORMAT", "xml"), "LOG_FORMAT must be text or json"),
                Arguments.of(productionWith("API_RATE_LIMIT", "-1"), "API_RATE_LIMIT must be a whole number"),
                Arguments.of(productionWith("BROWSER_RATE_LIMIT", "lots"), "BROWSER_RATE_LIMIT must be a whole number"),
                Arguments.of(productionWith("AUTH_FAILURE_LIMIT", "-1"), "AUTH_FAILURE_LIMIT must be a whole number"),
                Arguments.of(productionWith("TRUSTED_PROXIES", "proxy.internal"), "TRUSTED_PROXIES entries must be IP addresses"),
                Arguments.of(productionWith("MIGRATE_ON_START", "yes"), "MIGRATE_ON_START must be true or false"),
                Arguments.of(productionWith("PROVIDERS", "Customer IO"), "PROVIDERS contains an invalid provider id"),
                Arguments.of(productionWith("PROVIDERS", " , "), "PROVIDERS must name at least one provider"),
                Arguments.of(productionWith("PROVIDERS", "sandbox"), "PROVIDERS names sandbox, which exists only in"),
                Arguments.of(productionWith("RETURN_TO_ALLOWED_ORIGINS", "https://app.example.com/path"),
                        "RETURN_TO_ALLOWED_ORIGINS entries must be origins"),
                Arguments.of(productionWith("RETURN_TO_ALLOWED_ORIGINS", "javascript:alert(1)"),
                        "RETURN_TO_ALLOWED_ORIGINS must be an absolute"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void refusesToStartWithOneLineNamingTheVariable(Map<String, String> env, String expectedLine) {
        assertThatThrownBy(() -> ServiceConfig.read(env, Mode.SERVE))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0)).startsWith(expectedLine);
                    assertThat(e.getMessage()).doesNotContain(API_SECRET).doesNotContain(KEY);
                });
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> ServiceConfig.read(Map.of("PORT", "x"), Mode.SERVE))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "PORT must be a whole number from 1 to 65535",
                        "PUBLIC_BASE_URL is required: the https URL browsers reach this service at",
                        "ENCRYPTION_KEYS is required: kid:base64key[,kid:base64key...] (run generate-key)",
                        "API_KEYS is required: name:secret[,name:secret...]",
                        "CUSTOMERIO_CLIENT_ID is required: the client id registered at the provider",
                        "CUSTOMERIO_CLIENT_SECRET is required: the client secret registered at the provider"));
    }

    @Test
    void needsNeitherKeysNorPublicUrlNorProvidersToMigrate() {
        ServiceConfig config = ServiceConfig.read(Map.of("PUBLIC_BASE_URL", "not read by migrate", "PROVIDERS", "x y"),
                Mode.MIGRATE);

        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(config.encryptionKeys()).isNull();
        assertThat(config.providerConfig().oauth()).isEmpty();
    }

    @Test
    void neverPrintsSecrets() {
        Map<String, String> env = production();
        env.put("DATABASE_URL", "jdbc:postgresql://db:5432/cio?password=hunter2");
        env.put("DATABASE_PASSWORD", "hunter2");

        String printed = ServiceConfig.read(env, Mode.SERVE).toString();

        assertThat(printed).doesNotContain(API_SECRET).doesNotContain(KEY).doesNotContain("hunter2").contains("backend");
    }
}
