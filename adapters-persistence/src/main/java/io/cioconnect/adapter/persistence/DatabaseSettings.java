package io.cioconnect.adapter.persistence;

import java.util.Objects;

/** Where the PostgreSQL database is and how big the pool may grow. Its {@code toString()} never prints the password. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    /** Enough for the HTTP workers plus the background jobs of one instance. */
    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE);
    }

    @Override
    public String toString() {
        // A password may also ride in the URL's query (?password=...).
        String url = jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1redacted");
        return "DatabaseSettings[jdbcUrl=" + url + ", user=" + user + ", password="
                + (password == null ? "none" : "redacted") + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
