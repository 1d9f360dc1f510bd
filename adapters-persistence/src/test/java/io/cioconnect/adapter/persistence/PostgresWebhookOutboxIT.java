package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.WebhookOutboxContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the webhook outbox contract on PostgreSQL, events entering with the connection changes they announce. */
class PostgresWebhookOutboxIT extends WebhookOutboxContract {

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
        return new Stores(persistence.connections(), persistence.webhookEvents());
    }
}
