package io.cioconnect.bootstrap.config;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.crypto.InvalidKeyRingException;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
        Set<InetAddress> trustedProxies,
        boolean migrateOnStart) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Reads and validates the configuration for {@code mode}, or throws listing every problem. */
    public static ServiceConfig read(Map<String, String> environment, Mode mode) {
        EnvironmentReader env = new EnvironmentReader(environment);
        int port = env.integer("PORT", 8080, 1, 65535);
        URI publicBaseUrl = publicBaseUrl(env, mode, port);
        Optional<DatabaseSettings> database = database(env);
        KeyRing encryptionKeys = keyRing(env, mode);
        Map<String, String> apiKeys = mode == Mode.SERVE || mode == Mode.DEV
                ? env.required("API_KEYS", "name:secret[,name:secret...]").map(raw -> ApiKeysParser.parse(raw, env))
                        .orElse(Map.of())
                : Map.of();
        ServiceConfig config = new ServiceConfig(mode, port, publicBaseUrl, database,
                Path.of(env.string("DATA_DIR", "./data")), encryptionKeys, apiKeys,
                origins(env, publicBaseUrl), providers(env, mode),
                env.duration("REFRESH_SKEW", Duration.ofSeconds(60)),
                env.duration("REFRESH_WINDOW", Duration.ofMinutes(5)),
                positive(env, "REFRESH_INTERVAL", Duration.ofSeconds(30)),
                positive(env, "CONNECT_SESSION_TTL", Duration.ofMinutes(10)),
                positive(env, "AUTHORIZATION_TTL", Duration.ofMinutes(10)),
                logFormat(env),
                env.integer("API_RATE_LIMIT", 1000, 0, 1_000_000),
                env.integer("BROWSER_RATE_LIMIT", 20, 0, 1_000_000),
                trustedProxies(env),
                env.bool("MIGRATE_ON_START", true));
        env.failIfAnyProblem();
        return config;
    }

    private static URI publicBaseUrl(EnvironmentReader env, Mode mode, int port) {
        URI fallback = URI.create("http://localhost:" + port);
        Optional<String> raw = mode == Mode.SERVE
                ? env.required("PUBLIC_BASE_URL", "the https URL browsers reach this service at")
                : env.optional("PUBLIC_BASE_URL");
        Optional<URI> url = raw.flatMap(value -> env.httpUrl("PUBLIC_BASE_URL", value));
        if (url.isPresent() && mode == Mode.SERVE && !isHttps(url.get()) && !isLoopback(url.get().getHost())) {
            env.problem("PUBLIC_BASE_URL must use https (plain http is allowed only for localhost)");
        }
        return url.orElse(fallback);
    }

    /** The keys are needed to serve and to rekey; {@code migrate} runs without them ({@code null}). */
    private static KeyRing keyRing(EnvironmentReader env, Mode mode) {
        Optional<String> raw = mode == Mode.MIGRATE ? env.optional("ENCRYPTION_KEYS")
                : env.required("ENCRYPTION_KEYS", "kid:base64key[,kid:base64key...] (run generate-key)");
        try {
            return raw.map(KeyRing::parse).orElse(null);
        } catch (InvalidKeyRingException e) {
            e.problems().forEach(env::problem);
            return null;
        }
    }

    private static Optional<DatabaseSettings> database(EnvironmentReader env) {
        Optional<String> url = env.optional("DATABASE_URL");
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql://")) {
            env.problem("DATABASE_URL must look like jdbc:postgresql://host:port/database");
            return Optional.empty();
        }
        return url.map(value -> new DatabaseSettings(value, env.optional("DATABASE_USER").orElse(null),
                env.optional("DATABASE_PASSWORD").orElse(null)));
    }

    private static Set<String> origins(EnvironmentReader env, URI publicBaseUrl) {
        List<String> raw = env.list("RETURN_TO_ALLOWED_ORIGINS", List.of(ReturnTo.normaliseOrigin(publicBaseUrl)));
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : raw) {
            Optional<URI> uri = env.httpUrl("RETURN_TO_ALLOWED_ORIGINS", origin);
            if (uri.isPresent() && (uri.get().getRawPath() == null || uri.get().getRawPath().isEmpty())) {
                origins.add(ReturnTo.normaliseOrigin(uri.get()));
            } else if (uri.isPresent()) {
                env.problem("RETURN_TO_ALLOWED_ORIGINS entries must be origins (scheme://host[:port]) without a path");
            }
        }
        return Set.copyOf(origins);
    }

    private static List<ProviderId> providers(EnvironmentReader env, Mode mode) {
        List<String> fallback = mode == Mode.DEV ? List.of("customerio", "sandbox", "customerio-app-api")
                : List.of("customerio");
        List<String> ids = env.list("PROVIDERS", fallback);
        List<ProviderId> providers = new ArrayList<>();
        for (String id : ids) {
            try {
                ProviderId provider = new ProviderId(id);
                if (!providers.contains(provider)) {
                    providers.add(provider);
                }
            } catch (DomainException e) {
                env.problem("PROVIDERS contains an invalid provider id: " + e.getMessage());
            }
        }
        if (ids.isEmpty()) {
            env.problem("PROVIDERS must name at least one provider");
        }
        return List.copyOf(providers);
    }

    private static Duration positive(EnvironmentReader env, String name, Duration fallback) {
        Duration value = env.duration(name, fallback);
        if (value.isZero()) {
            env.problem(name + " must be longer than zero");
        }
        return value;
    }

    private static LogFormat logFormat(EnvironmentReader env) {
        String raw = env.string("LOG_FORMAT", "text").toUpperCase(Locale.ROOT);
        try {
            return LogFormat.valueOf(raw);
        } catch (IllegalArgumentException e) {
            env.problem("LOG_FORMAT must be text or json");
            return LogFormat.TEXT;
        }
    }

    private static Set<InetAddress> trustedProxies(EnvironmentReader env) {
        Set<InetAddress> proxies = new LinkedHashSet<>();
        for (String address : env.list("TRUSTED_PROXIES", List.of())) {
            try {
                if (!IP_LITERAL.matcher(address).matches()) {
                    throw new UnknownHostException();
                }
                proxies.add(InetAddress.getByName(address)); // a literal: no DNS lookup happens
            } catch (UnknownHostException e) {
                env.problem("TRUSTED_PROXIES entries must be IP addresses, got one that is not");
            }
        }
        return Set.copyOf(proxies);
    }

    static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
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
