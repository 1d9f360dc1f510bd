package io.cioconnect.application.memory;

import io.cioconnect.application.contract.ClientRegistrationStoreContract;
import io.cioconnect.application.port.out.ClientRegistrationStore;

class InMemoryClientRegistrationStoreTest extends ClientRegistrationStoreContract {

    @Override
    protected ClientRegistrationStore createStore() {
        return new InMemoryClientRegistrationStore();
    }
}
