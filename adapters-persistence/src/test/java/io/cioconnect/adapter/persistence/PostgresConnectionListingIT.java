package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.ConnectionListingContract;
import io.cioconnect.application.port.out.ConnectionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the connection listing contract on PostgreSQL. */
class PostgresConnectionListingIT extends ConnectionListingContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected ConnectionStore createStore() {
        return STORES.fresh().connections();
    }
}
