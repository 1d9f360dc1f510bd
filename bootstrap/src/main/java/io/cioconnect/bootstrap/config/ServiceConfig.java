package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.API_KEYS;
import static io.cioconnect.bootstrap.config.Variable.API_RATE_LIMIT;
import static io.cioconnect.bootstrap.config.Variable.AUTHORIZATION_TTL;
import static io.cioconnect.bootstrap.config.Variable.AUTH_FAILURE_LIMIT;
import static io.cioconnect.bootstrap.config.Variable.BROWSER_RATE_LIMIT;
import static io.cioconnect.bootstrap.config.Variable.CONNECT_SESSION_TTL;
import static io.cioconnect.bootstrap.config.Variable.DATABASE_POOL_SIZE;
import static io.cioconnect.bootstrap.config.Variable.MIGRATE_ON_START;
import static io.cioconnect.bootstrap.config.Variable.PORT;
import static io.cioconnect.bootstrap.config.Variable.REFRESH_INTERVAL;
import static io.cioconnect.bootstrap.config.Variable.REFRESH_SKEW;
import static io.cioconnect.bootstrap.config.Variable.REFRESH_WINDOW;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.domain.ProviderId;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.event.Level;

/**
 * Everything an operator can set, read once from the environment ({@link Variable}, {@link ProviderVariable})
 * and validated; the adapters get typed parts of it, never the variables. {@link #toString()} never prints a
 * secret. To add a setting: declare its variable, add a component, read it in {@link #read}.
 *
 * @param warnings what start-up should log: providers {@code dev} left out, a dev server reachable from outside
 */
public record ServiceConfig(
        Mode mode,
        int port,
        String bindAddress,
        URI publicBaseUrl,
        Optional<DatabaseSettings> database,
        int databasePoolSize,
        Path dataDir,
        KeyRing encryptionKeys,
        Map<String, String> apiKeys,
        Set<String> allowedReturnOrigins,
        List<ProviderId> providers,
        ProviderConfig providerConfig,
        Duration refreshSkew,
        Duration refreshWindow,
        Duration refreshInterval,
        Duration connectSessionTtl,
        Duration authorizationTtl,
        LogFormat logFormat,
        Level logLevel,
        int apiRateLimit,
        int browserRateLimit,
        int authFailureLimit,
        Set<InetAddress> trustedProxies,
        boolean migrateOnStart,
        WebhookConfig webhooks,
        List<String> warnings) {

    public ServiceConfig {
        warnings = List.copyOf(warnings);
    }

    /** Reads and validates the configuration for {@code mode}, or throws listing every problem. */
    public static ServiceConfig read(Map<String, String> environment, Mode mode) {
        EnvironmentReader env = new EnvironmentReader(environment, mode);
        List<String> warnings = new ArrayList<>();
        int port = env.integer(PORT, 1, 65535);
        String bindAddress = ConfigParsers.bindAddress(env);
        URI publicBaseUrl = ConfigParsers.publicBaseUrl(env, port);
        int poolSize = env.integer(DATABASE_POOL_SIZE, 1, 1000);
        Optional<DatabaseSettings> database = DatabaseUrl.read(env, poolSize);
        List<ProviderId> providers = ConfigParsers.providers(env);
        DevLimits.check(env, publicBaseUrl, database, bindAddress, warnings);
        ServiceConfig config = new ServiceConfig(mode, port, bindAddress, publicBaseUrl, database, poolSize,
                ConfigParsers.dataDir(env), ConfigParsers.keyRing(env),
                env.required(API_KEYS, "name:secret[,name:secret...]").map(raw -> ApiKeysParser.parse(raw, env))
                        .orElse(Map.of()),
                ConfigParsers.origins(env, publicBaseUrl), providers, ProviderConfig.read(env, providers, publicBaseUrl, warnings),
                env.duration(REFRESH_SKEW),
                env.duration(REFRESH_WINDOW),
                env.positiveDuration(REFRESH_INTERVAL),
                env.positiveDuration(CONNECT_SESSION_TTL),
                env.positiveDuration(AUTHORIZATION_TTL),
                ConfigParsers.logFormat(env),
                ConfigParsers.logLevel(env),
                env.integer(API_RATE_LIMIT, 0, 1_000_000),
                env.integer(BROWSER_RATE_LIMIT, 0, 1_000_000),
                env.integer(AUTH_FAILURE_LIMIT, 0, 1_000_000),
                ConfigParsers.trustedProxies(env),
                env.bool(MIGRATE_ON_START),
                WebhookConfig.read(env),
                warnings);
        env.failIfAnyProblem();
        return config;
    }

    /** True when no external database is configured and the embedded one must be started. */
    public boolean usesEmbeddedDatabase() {
        return database.isEmpty();
    }

    @Override
    public String toString() {
        return "ServiceConfig[mode=" + mode + ", port=" + port + ", bindAddress=" + bindAddress + ", publicBaseUrl="
                + publicBaseUrl + ", database=" + database.map(Object::toString).orElse("embedded in " + dataDir)
                + ", encryptionKeys=redacted, apiKeys=" + apiKeys.keySet() + ", allowedReturnOrigins="
                + allowedReturnOrigins + ", providers=" + providers + ", refreshSkew=" + refreshSkew + ", refreshWindow="
                + refreshWindow + ", refreshInterval=" + refreshInterval + ", logFormat=" + logFormat + ", logLevel="
                + logLevel + ", webhooks=" + webhooks + "]";
    }
}
