package io.cioconnect.adapter.persistence.testing;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One database of the test PostgreSQL, private to a test class. Its {@code toString()} never prints the password. */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** What the service would be configured with to use this database. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl, user, password);
    }

    /** A new, independent pool on this database, as another service instance would have. Not migrated. */
    public PostgresPersistence newPersistence(KeyRing keys) {
        return PostgresPersistence.create(settings(), keys);
    }

    /** A new pool on this database, with the schema migrated. */
    public PostgresPersistence migratedPersistence(KeyRing keys) {
        PostgresPersistence persistence = newPersistence(keys);
        persistence.migrate();
        return persistence;
    }

    /** A plain JDBC connection, outside every pool, to look at raw rows. */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Other sessions of this database waiting for a lock right now. */
    public long sessionsWaitingForALock() throws SQLException {
        return sessionsWhere("wait_event_type = 'Lock'");
    }

    /**
     * Other sessions of this database holding a transaction open (idle in it) or waiting for a lock right now:
     * what nothing may leave behind while it waits on something remote.
     */
    public long sessionsHoldingATransactionOrWaitingForALock() throws SQLException {
        return sessionsWhere("state LIKE 'idle in transaction%' OR wait_event_type = 'Lock'");
    }

    private long sessionsWhere(String condition) throws SQLException {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND pid <> pg_backend_pid() AND (" + condition + ")")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Empties every table but Flyway's history, so each test starts from nothing. */
    public void truncateAllTables() {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$
                    DECLARE names text;
                    BEGIN
                        SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO names
                        FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history';
                        IF names IS NOT NULL THEN
                            EXECUTE 'TRUNCATE ' || names;
                        END IF;
                    END $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables of " + name, e);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " at " + jdbcUrl + ", user=" + user + "]";
    }
}
