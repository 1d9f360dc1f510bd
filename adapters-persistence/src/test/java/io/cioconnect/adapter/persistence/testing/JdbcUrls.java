package io.cioconnect.adapter.persistence.testing;

/** Swaps the database name of a {@code jdbc:postgresql://host[:port]/db[?params]} URL. */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    static String withDatabase(String url, String database) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("TEST_DATABASE_URL must start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart >= 0 ? rest.substring(0, queryStart) : rest;
        String query = queryStart >= 0 ? rest.substring(queryStart) : "";
        int slash = beforeQuery.indexOf('/');
        String hosts = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        return PREFIX + hosts + "/" + database + query;
    }
}
