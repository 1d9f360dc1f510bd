package io.cioconnect.application.memory;

import io.cioconnect.application.contract.WebhookOutboxContract;

class InMemoryWebhookOutboxTest extends WebhookOutboxContract {

    @Override
    protected Stores createStores() {
        InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
        return new Stores(new InMemoryConnectionStore(new InMemoryRevocationQueue(), outbox), outbox);
    }
}
