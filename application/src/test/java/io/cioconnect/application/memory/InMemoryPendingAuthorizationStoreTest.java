package io.cioconnect.application.memory;

import io.cioconnect.application.contract.PendingAuthorizationStoreContract;
import io.cioconnect.application.port.out.PendingAuthorizationStore;

class InMemoryPendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {

    @Override
    protected PendingAuthorizationStore createStore() {
        return new InMemoryPendingAuthorizationStore();
    }
}
