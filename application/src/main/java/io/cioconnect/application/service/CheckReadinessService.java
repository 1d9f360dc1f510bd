package io.cioconnect.application.service;

import io.cioconnect.application.port.in.CheckReadinessUseCase;
import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.application.port.out.ComponentHealth;
import io.cioconnect.application.port.out.StoreHealth;
import java.util.ArrayList;
import java.util.List;

/** Ready when the store answers and every other part of the service (jobs, lifecycle) reports UP. */
public final class CheckReadinessService implements CheckReadinessUseCase {

    /** The name of the store's check. */
    public static final String DATABASE = "database";

    private final StoreHealth store;
    private final List<ComponentHealth> components;

    public CheckReadinessService(StoreHealth store, List<ComponentHealth> components) {
        this.store = store;
        this.components = List.copyOf(components);
    }

    @Override
    public Readiness check() {
        List<Readiness.Check> checks = new ArrayList<>();
        checks.add(new Readiness.Check(DATABASE, store.isAvailable()));
        components.forEach(component -> checks.addAll(component.checks()));
        return new Readiness(checks);
    }
}
