package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;

/** One migrated pool per test class on the class's own database, emptied before each test. */
final class PostgresStores {

    private final PostgresExtension postgres;
    private PostgresPersistence persistence;

    PostgresStores(PostgresExtension postgres) {
        this.postgres = postgres;
    }

    /** The pool (opened and migrated on first use), with every table emptied. */
    synchronized PostgresPersistence fresh() {
        if (persistence == null) {
            persistence = postgres.database().migratedPersistence(TestKeys.ring());
        }
        postgres.database().truncateAllTables();
        return persistence;
    }

    synchronized void close() {
        if (persistence != null) {
            persistence.close();
            persistence = null;
        }
    }
}
