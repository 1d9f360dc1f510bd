package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.ConnectionStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection store contract on the store the service uses: PostgreSQL with the cache of valid tokens. */
class CachedConnectionStoreIT extends ConnectionStoreContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected Stores createStores() {
        PostgresPersistence persistence = STORES.fresh();
        return new Stores(persistence.connectionsCachedUntilDue(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)),
                persistence.revocations());
    }
}
