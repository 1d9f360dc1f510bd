package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.BIND_ADDRESS;
import static io.cioconnect.bootstrap.config.Variable.DATA_DIR;
import static io.cioconnect.bootstrap.config.Variable.ENCRYPTION_KEYS;
import static io.cioconnect.bootstrap.config.Variable.LOG_FORMAT;
import static io.cioconnect.bootstrap.config.Variable.LOG_LEVEL;
import static io.cioconnect.bootstrap.config.Variable.PROVIDERS;
import static io.cioconnect.bootstrap.config.Variable.PUBLIC_BASE_URL;
import static io.cioconnect.bootstrap.config.Variable.RETURN_TO_ALLOWED_ORIGINS;
import static io.cioconnect.bootstrap.config.Variable.TRUSTED_PROXIES;

import io.cioconnect.adapter.persistence.crypto.InvalidKeyRingException;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.Loopback;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.event.Level;

/** Parsers for the composite settings of {@link ServiceConfig}; each records its problems in the reader. */
final class ConfigParsers {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ConfigParsers() {
    }

    /** Required by {@code serve}, https unless its host is loopback; {@code http://localhost:<PORT>} elsewhere. */
    static URI publicBaseUrl(EnvironmentReader env, int port) {
        Optional<String> raw = env.mode() == Mode.SERVE
                ? env.required(PUBLIC_BASE_URL, "the https URL browsers reach this service at")
                : env.given(PUBLIC_BASE_URL);
        Optional<URI> url = raw.flatMap(value -> httpUrl(env, PUBLIC_BASE_URL, value));
        if (url.isPresent() && env.mode() == Mode.SERVE && !isHttps(url.get()) && !Loopback.isLoopback(url.get())) {
            env.problem("PUBLIC_BASE_URL must use https (plain http is allowed only on a loopback host:"
                    + " localhost, 127.0.0.0/8 or ::1)");
        }
        return url.orElse(URI.create("http://localhost:" + port));
    }

    /** The keys are needed to serve and to rekey; {@code migrate} runs without them ({@code null}). */
    static KeyRing keyRing(EnvironmentReader env) {
        try {
            return env.required(ENCRYPTION_KEYS, "kid:base64key[,kid:base64key...] (run generate-key)")
                    .map(KeyRing::parse).orElse(null);
        } catch (InvalidKeyRingException e) {
            e.problems().forEach(env::problem);
            return null;
        }
    }

    static Set<String> origins(EnvironmentReader env, URI publicBaseUrl) {
        List<String> raw = env.isGiven(RETURN_TO_ALLOWED_ORIGINS) ? env.list(RETURN_TO_ALLOWED_ORIGINS)
                : List.of(ReturnTo.normaliseOrigin(publicBaseUrl));
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : raw) {
            Optional<URI> uri = httpUrl(env, RETURN_TO_ALLOWED_ORIGINS, origin);
            if (uri.isPresent() && (uri.get().getRawPath() == null || uri.get().getRawPath().isEmpty())) {
                origins.add(ReturnTo.normaliseOrigin(uri.get()));
            } else if (uri.isPresent()) {
                env.problem("RETURN_TO_ALLOWED_ORIGINS entries must be origins (scheme://host[:port]) without a path");
            }
        }
        return Set.copyOf(origins);
    }

    static List<ProviderId> providers(EnvironmentReader env) {
        List<String> ids = env.list(PROVIDERS);
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

    static LogFormat logFormat(EnvironmentReader env) {
        return env.value(LOG_FORMAT, text -> enumValue(LogFormat.class, text), "must be text or json");
    }

    static Level logLevel(EnvironmentReader env) {
        return env.value(LOG_LEVEL, text -> enumValue(Level.class, text), "must be trace, debug, info, warn or error");
    }

    static Path dataDir(EnvironmentReader env) {
        return env.value(DATA_DIR, ConfigParsers::path, "must be a directory path");
    }

    /** An IP address to listen on, as Jetty takes it. */
    static String bindAddress(EnvironmentReader env) {
        return env.value(BIND_ADDRESS, text -> ipAddress(text).map(address -> text),
                "must be an IP address, such as 127.0.0.1 or 0.0.0.0");
    }

    static Set<InetAddress> trustedProxies(EnvironmentReader env) {
        Set<InetAddress> proxies = new LinkedHashSet<>();
        for (String address : env.list(TRUSTED_PROXIES)) {
            ipAddress(address).ifPresentOrElse(proxies::add,
                    () -> env.problem("TRUSTED_PROXIES entries must be IP addresses, got one that is not"));
        }
        return Set.copyOf(proxies);
    }

    /** An absolute http(s) URL without user info, query or fragment. */
    static Optional<URI> httpUrl(EnvironmentReader env, Setting setting, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        env.problem(setting.name() + " must be an absolute http(s) URL without user info, query or fragment");
        return Optional.empty();
    }

    static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** A literal IPv4 or IPv6 address: no DNS lookup happens. */
    private static Optional<InetAddress> ipAddress(String text) {
        try {
            return IP_LITERAL.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
