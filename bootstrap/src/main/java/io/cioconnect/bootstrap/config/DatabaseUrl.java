package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.DATABASE_PASSWORD;
import static io.cioconnect.bootstrap.config.Variable.DATABASE_URL;
import static io.cioconnect.bootstrap.config.Variable.DATABASE_USER;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.domain.Loopback;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code DATABASE_URL} with {@code DATABASE_USER} and {@code DATABASE_PASSWORD}: a JDBC URL taken as it is, or
 * a {@code postgres://} or {@code postgresql://} URL as hosting platforms hand them out, whose user and
 * password move out of the URL into the settings and whose query ({@code sslmode=require}) is kept. Problem
 * lines never repeat the URL: it may hold the password.
 */
final class DatabaseUrl {

    private static final String JDBC = "jdbc:postgresql://";
    private static final Pattern HOSTS = Pattern.compile("[A-Za-z0-9._~%\\-\\[\\]:,]+");

    private DatabaseUrl() {
    }

    static Optional<DatabaseSettings> read(EnvironmentReader env, int poolSize) {
        Optional<String> url = env.given(DATABASE_URL);
        Optional<String> user = env.given(DATABASE_USER);
        Optional<String> password = env.given(DATABASE_PASSWORD);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (url.get().startsWith(JDBC)) {
            return Optional.of(new DatabaseSettings(url.get(), user.orElse(null), password.orElse(null), poolSize));
        }
        String lower = url.get().toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromPostgresUrl(env, url.get().substring(url.get().indexOf("://") + 3), user, password, poolSize);
        }
        env.problem("DATABASE_URL must look like jdbc:postgresql://host:port/database"
                + " or postgres://user:password@host:port/database");
        return Optional.empty();
    }

    /** True when every host of {@code jdbcUrl} is loopback (a URL without a host means localhost). */
    static boolean isOnThisMachine(String jdbcUrl) {
        String rest = jdbcUrl.startsWith(JDBC) ? jdbcUrl.substring(JDBC.length()) : "";
        String hosts = rest.split("[/?]", 2)[0];
        return hosts.isEmpty() || Arrays.stream(hosts.split(",")).map(DatabaseUrl::hostOf).allMatch(Loopback::isLoopbackHost);
    }

    private static Optional<DatabaseSettings> fromPostgresUrl(EnvironmentReader env, String rest, Optional<String> user,
            Optional<String> password, int poolSize) {
        String[] pathAndQuery = rest.split("\\?", 2);
        String[] authorityAndDatabase = pathAndQuery[0].split("/", 2);
        String authority = authorityAndDatabase[0];
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        if (hosts.isEmpty() || !HOSTS.matcher(hosts).matches() || rest.contains("#")) {
            env.problem("DATABASE_URL must name a host and no fragment, as in postgres://user:password@host:5432/database");
            return Optional.empty();
        }
        String[] userInfo = at < 0 ? new String[0] : authority.substring(0, at).split(":", 2);
        Optional<String> urlUser = userInfo.length > 0 ? decode(env, userInfo[0]) : Optional.empty();
        Optional<String> urlPassword = userInfo.length > 1 ? decode(env, userInfo[1]) : Optional.empty();
        if (urlUser.isPresent() && user.isPresent()) {
            env.problem("DATABASE_USER is set and DATABASE_URL carries a user too; give it once");
        }
        if (urlPassword.isPresent() && password.isPresent()) {
            env.problem("DATABASE_PASSWORD is set and DATABASE_URL carries a password too; give it once");
        }
        String database = authorityAndDatabase.length > 1 ? authorityAndDatabase[1] : "";
        String query = pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "";
        return Optional.of(new DatabaseSettings(JDBC + hosts + "/" + database + query,
                urlUser.or(() -> user).orElse(null), urlPassword.or(() -> password).orElse(null), poolSize));
    }

    /** Percent-decoding as in URLs ({@code +} stays a plus); blank means not given. */
    private static Optional<String> decode(EnvironmentReader env, String text) {
        try {
            return Optional.of(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .filter(value -> !value.isBlank());
        } catch (IllegalArgumentException e) {
            env.problem("DATABASE_URL has a malformed %-escape in its user or password");
            return Optional.empty();
        }
    }

    /** {@code host}, {@code host:port}, {@code [::1]:port} → the host part. */
    private static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}
