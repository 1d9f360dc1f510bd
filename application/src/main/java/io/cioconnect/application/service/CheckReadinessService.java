package io.cioconnect.application.service;

import io.cioconnect.application.port.in.CheckReadinessUseCase;
import io.cioconnect.application.port.out.StoreHealth;

/** Ready when the store answers. */
public final class CheckReadinessService implements CheckReadinessUseCase {

    private final StoreHealth store;

    public CheckReadinessService(StoreHealth store) {
        this.store = store;
    }

    @Override
    public boolean isReady() {
        return store.isAvailable();
    }
}
