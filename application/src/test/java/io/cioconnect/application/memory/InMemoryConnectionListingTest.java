package io.cioconnect.application.memory;

import io.cioconnect.application.contract.ConnectionListingContract;
import io.cioconnect.application.port.out.ConnectionStore;

/** Runs the connection listing contract in memory. */
class InMemoryConnectionListingTest extends ConnectionListingContract {

    @Override
    protected ConnectionStore createStore() {
        return new InMemoryConnectionStore(new InMemoryRevocationQueue());
    }
}
