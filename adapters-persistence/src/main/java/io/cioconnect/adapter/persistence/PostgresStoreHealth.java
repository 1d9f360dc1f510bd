package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.StoreHealth;
import org.jdbi.v3.core.Jdbi;

/** {@link StoreHealth}: a {@code SELECT 1} that must answer within a couple of seconds. */
final class PostgresStoreHealth implements StoreHealth {

    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final Jdbi jdbi;

    PostgresStoreHealth(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean isAvailable() {
        try {
            Integer one = jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                    .mapTo(Integer.class)
                    .one());
            return one == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
