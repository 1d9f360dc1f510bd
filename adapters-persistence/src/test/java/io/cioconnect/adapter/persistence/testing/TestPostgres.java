package io.cioconnect.adapter.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The PostgreSQL server the tests of this JVM share; each test class gets its own database on it. */
public interface TestPostgres {

    /** Numbers the databases of this JVM; the pid keeps JVMs sharing one server apart. */
    AtomicInteger DATABASE_NUMBERS = new AtomicInteger();

    /** Which PostgreSQL this is, for the log. */
    String description();

    /** The database to connect to when creating and dropping the others. */
    TestDatabase adminDatabase();

    /** The JDBC URL of another database on this server. */
    String jdbcUrlFor(String databaseName);

    /** True when {@link #stop()} and {@link #start()} work (only embedded PostgreSQL). */
    boolean canRestart();

    /** Stops the server; connections break, and connecting fails until {@link #start()}. */
    void stop();

    /** Starts the stopped server again on the same port with the same data. */
    void start();

    /** A new empty database, owned by the admin user. */
    default TestDatabase createDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASE_NUMBERS.incrementAndGet();
        execute("CREATE DATABASE " + name);
        TestDatabase admin = adminDatabase();
        return new TestDatabase(name, jdbcUrlFor(name), admin.user(), admin.password());
    }

    /** Drops a database made by {@link #createDatabase()}, disconnecting whoever is still on it. */
    default void dropDatabase(TestDatabase database) {
        execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    }

    private void execute(String sql) {
        TestDatabase admin = adminDatabase();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL (" + description() + ") refused: " + sql
                    + " (SQLState " + e.getSQLState() + ": " + e.getMessage() + "); the test user needs CREATEDB", e);
        }
    }
}
