package io.cioconnect.adapter.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL someone else runs, named by {@code TEST_DATABASE_URL}; it cannot be stopped from here. */
final class ExternalPostgres extends FixedPostgres {

    private ExternalPostgres(TestDatabase admin) {
        super(admin, "The tests run on the PostgreSQL of TEST_DATABASE_URL, which they cannot stop and restart; "
                + "unset TEST_DATABASE_URL (and have no Docker) to run the outage test on embedded PostgreSQL");
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
        return "PostgreSQL from TEST_DATABASE_URL (" + adminDatabase().jdbcUrl() + ")";
    }
}
