package io.cioconnect.bootstrap.config;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.domain.ProviderId;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything SPEC §3 lets an operator set, parsed and validated. Provider settings are read separately
 * by the provider adapter. {@link #toString()} never prints a secret.
 */
public record ServiceConfig(
        Mode mode,
        int port,
        URI publicBaseUrl,
        Optional<DatabaseSettings> database,
        Path dataDir,
        KeyRing encryptionKeys,
        Map<String, String> apiKeys,
        Set<String> allowedReturnOrigins,
        List<ProviderId> providers,
        Duration refreshSkew,
        Duration refreshWindow,
        Duration refreshInterval,
        Duration connectSessionTtl,
        Duration authorizationTtl,
        LogFormat logFormat,
        int apiRateLimit,
        int browserRateLimit,
        int authFailureLimit,
        Set<InetAddress> trustedProxies,
        boolean migrateOnStart) {

    /** Reads and validates the configuration for {@code mode}, or throws listing every problem. */
    public static ServiceConfig read(Map<String, String> environment, Mode mode) {
        EnvironmentReader env = new EnvironmentReader(environment);
        int port = env.integer("PORT", 8080, 1, 65535);
        URI publicBaseUrl = ConfigParsers.publicBaseUrl(env, mode, port);
        Optional<DatabaseSettings> database = ConfigParsers.database(env);
        KeyRing encryptionKeys = ConfigParsers.keyRing(env, mode);
        Map<String, String> apiKeys = mode == Mode.SERVE || mode == Mode.DEV
                ? env.required("API_KEYS", "name:secret[,name:secret...]").map(raw -> ApiKeysParser.parse(raw, env))
                        .orElse(Map.of())
                : Map.of();
        ServiceConfig config = new ServiceConfig(mode, port, publicBaseUrl, database,
                Path.of(env.string("DATA_DIR", "./data")), encryptionKeys, apiKeys,
                ConfigParsers.origins(env, publicBaseUrl), ConfigParsers.providers(env, mode),
                env.duration("REFRESH_SKEW", Duration.ofSeconds(60)),
                env.duration("REFRESH_WINDOW", Duration.ofMinutes(5)),
                ConfigParsers.positive(env, "REFRESH_INTERVAL", Duration.ofSeconds(30)),
                ConfigParsers.positive(env, "CONNECT_SESSION_TTL", Duration.ofMinutes(10)),
                ConfigParsers.positive(env, "AUTHORIZATION_TTL", Duration.ofMinutes(10)),
                ConfigParsers.logFormat(env),
                env.integer("API_RATE_LIMIT", 1000, 0, 1_000_000),
                env.integer("BROWSER_RATE_LIMIT", 20, 0, 1_000_000),
                env.integer("AUTH_FAILURE_LIMIT", 60, 0, 1_000_000),
                ConfigParsers.trustedProxies(env),
                env.bool("MIGRATE_ON_START", true));
        env.failIfAnyProblem();
        return config;
    }

    /** True when no external database is configured and the embedded one must be started. */
    public boolean usesEmbeddedDatabase() {
        return database.isEmpty();
    }

    @Override
    public String toString() {
        return "ServiceConfig[mode=" + mode + ", port=" + port + ", publicBaseUrl=" + publicBaseUrl + ", database="
                + database.map(Object::toString).orElse("embedded in " + dataDir) + ", encryptionKeys=redacted"
                + ", apiKeys=" + apiKeys.keySet() + ", allowedReturnOrigins=" + allowedReturnOrigins + ", providers="
                + providers + ", refreshSkew=" + refreshSkew + ", refreshWindow=" + refreshWindow + ", refreshInterval="
                + refreshInterval + ", logFormat=" + logFormat + "]";
    }
}
