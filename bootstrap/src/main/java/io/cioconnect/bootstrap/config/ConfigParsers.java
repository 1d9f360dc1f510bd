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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsers for the composite settings of {@link ServiceConfig}; each records its problems in the reader. */
final class ConfigParsers {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ConfigParsers() {
    }

    static URI publicBaseUrl(EnvironmentReader env, Mode mode, int port) {
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
    static KeyRing keyRing(EnvironmentReader env, Mode mode) {
        Optional<String> raw = mode == Mode.MIGRATE ? env.optional("ENCRYPTION_KEYS")
                : env.required("ENCRYPTION_KEYS", "kid:base64key[,kid:base64key...] (run generate-key)");
        try {
            return raw.map(KeyRing::parse).orElse(null);
        } catch (InvalidKeyRingException e) {
            e.problems().forEach(env::problem);
            return null;
        }
    }

    static Optional<DatabaseSettings> database(EnvironmentReader env) {
        Optional<String> url = env.optional("DATABASE_URL");
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql://")) {
            env.problem("DATABASE_URL must look like jdbc:postgresql://host:port/database");
            return Optional.empty();
        }
        return url.map(value -> new DatabaseSettings(value, env.optional("DATABASE_USER").orElse(null),
                env.optional("DATABASE_PASSWORD").orElse(null)));
    }

    static Set<String> origins(EnvironmentReader env, URI publicBaseUrl) {
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

    static List<ProviderId> providers(EnvironmentReader env, Mode mode) {
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

    static Duration positive(EnvironmentReader env, String name, Duration fallback) {
        Duration value = env.duration(name, fallback);
        if (value.isZero()) {
            env.problem(name + " must be longer than zero");
        }
        return value;
    }

    static LogFormat logFormat(EnvironmentReader env) {
        String raw = env.string("LOG_FORMAT", "text").toUpperCase(Locale.ROOT);
        try {
            return LogFormat.valueOf(raw);
        } catch (IllegalArgumentException e) {
            env.problem("LOG_FORMAT must be text or json");
            return LogFormat.TEXT;
        }
    }

    static Set<InetAddress> trustedProxies(EnvironmentReader env) {
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
}
