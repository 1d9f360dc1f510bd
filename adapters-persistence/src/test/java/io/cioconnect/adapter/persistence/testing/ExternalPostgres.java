package io.cioconnect.adapter.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL someone else runs, named by {@code TEST_DATABASE_URL}; it cannot be stopped from here. */
final class ExternalPostgres implements TestPostgres {

    private final TestDatabase admin;

    private ExternalPostgres(TestDatabase admin) {
        this.admin = admin;
    }

    static ExternalPostgres connect(String url, String user, String password) {
        TestDatabase admin = new TestDatabase("(TEST_DATABASE_URL)", url, user, password);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("TEST_DATABASE_URL is set but PostgreSQL there cannot be reached (SQLState "
                    + e.getSQLState() + ": " + e.getMessage() + ")", e);
        }
        return new ExternalPostgres(admin);
    }

    @Override
    public String description() {
        return "PostgreSQL from TEST_DATABASE_URL (" + admin.jdbcUrl() + ")";
    }

    @Override
    public TestDatabase adminDatabase() {
        return admin;
    }

    @Override
    public String jdbcUrlFor(String databaseName) {
        return JdbcUrls.withDatabase(admin.jdbcUrl(), databaseName);
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public void stop() {
        throw cannotRestart();
    }

    @Override
    public void start() {
        throw cannotRestart();
    }

    private static IllegalStateException cannotRestart() {
        return new IllegalStateException("The tests run on the PostgreSQL of TEST_DATABASE_URL, which they cannot stop "
                + "and restart; unset TEST_DATABASE_URL (and have no Docker) to run the outage test on embedded PostgreSQL");
    }
}
