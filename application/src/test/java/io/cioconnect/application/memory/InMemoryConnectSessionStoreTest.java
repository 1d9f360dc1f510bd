package io.cioconnect.application.memory;

import io.cioconnect.application.contract.ConnectSessionStoreContract;
import io.cioconnect.application.port.out.ConnectSessionStore;

class InMemoryConnectSessionStoreTest extends ConnectSessionStoreContract {

    @Override
    protected ConnectSessionStore createStore() {
        return new InMemoryConnectSessionStore();
    }
}
