package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.PendingKeyFormStoreContract;
import io.cioconnect.application.port.out.PendingKeyFormStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPendingKeyFormStoreIT extends PendingKeyFormStoreContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected PendingKeyFormStore createStore() {
        return STORES.fresh().pendingKeyForms();
    }
}
