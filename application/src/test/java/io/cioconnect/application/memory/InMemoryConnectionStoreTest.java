package io.cioconnect.application.memory;

import io.cioconnect.application.contract.RevocationQueueContract;

/** Runs the connection store and revocation queue contracts (the latter extends the former). */
class InMemoryConnectionStoreTest extends RevocationQueueContract {

    @Override
    protected Stores createStores() {
        InMemoryRevocationQueue revocations = new InMemoryRevocationQueue();
        return new Stores(new InMemoryConnectionStore(revocations), revocations);
    }
}
