package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.PendingAuthorizationStoreContract;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPendingAuthorizationStoreIT extends PendingAuthorizationStoreContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected PendingAuthorizationStore createStore() {
        return STORES.fresh().pendingAuthorizations();
    }
}
