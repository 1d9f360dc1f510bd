package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.RevocationQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the connection store and revocation queue contracts (the latter extends the former) on PostgreSQL. */
class PostgresConnectionStoreIT extends RevocationQueueContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected Stores createStores() {
        PostgresPersistence persistence = STORES.fresh();
        return new Stores(persistence.connections(), persistence.revocations());
    }
}
