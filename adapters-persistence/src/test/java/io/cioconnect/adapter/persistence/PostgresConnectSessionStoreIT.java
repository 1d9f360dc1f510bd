package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.ConnectSessionStoreContract;
import io.cioconnect.application.port.out.ConnectSessionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresConnectSessionStoreIT extends ConnectSessionStoreContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected ConnectSessionStore createStore() {
        return STORES.fresh().connectSessions();
    }
}
