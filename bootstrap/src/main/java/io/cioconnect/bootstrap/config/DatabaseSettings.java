package io.cioconnect.bootstrap.config;

/** An external PostgreSQL: {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}. */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl.replaceAll("password=[^&]*", "password=redacted") + ", user=" + user
                + ", password=" + (password == null ? "none" : "redacted") + "]";
    }
}
