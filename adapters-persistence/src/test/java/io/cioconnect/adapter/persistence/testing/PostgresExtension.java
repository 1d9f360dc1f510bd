package io.cioconnect.adapter.persistence.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class a fresh, empty database of its own on the PostgreSQL that the whole
 * JVM shares (chosen once: {@code TEST_DATABASE_URL}, then Testcontainers, then embedded PostgreSQL).
 * Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = SharedPostgres.get().createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            SharedPostgres.get().dropDatabase(database);
            database = null;
        }
    }

    /** This test class's database (migrate it with {@link TestDatabase#migratedPersistence}). */
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("PostgresExtension has no database yet: register it on a static field "
                    + "with @RegisterExtension and use it from tests or @BeforeAll/@BeforeEach methods");
        }
        return database;
    }

    /** The shared server, e.g. to stop and start it again ({@link TestPostgres#canRestart()}). */
    public TestPostgres server() {
        return SharedPostgres.get();
    }
}
