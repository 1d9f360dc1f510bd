package io.cioconnect.application.memory;

import io.cioconnect.application.contract.PendingKeyFormStoreContract;
import io.cioconnect.application.port.out.PendingKeyFormStore;

class InMemoryPendingKeyFormStoreTest extends PendingKeyFormStoreContract {

    @Override
    protected PendingKeyFormStore createStore() {
        return new InMemoryPendingKeyFormStore();
    }
}
