package io.cioconnect.application.service;

import io.cioconnect.domain.ProviderId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the {@code access-token} refreshes waiting on each provider in this instance. A full bulkhead turns
 * the caller away at once rather than letting it queue: a slow provider then ties up a bounded number of
 * request threads, and no caller waits behind it for something that is not coming.
 */
final class ProviderBulkheads {

    private final int places;
    private final Map<ProviderId, Semaphore> bulkheads = new ConcurrentHashMap<>();

    ProviderBulkheads(int places) {
        this.places = places;
    }

    /** A place for one refresh with {@code provider}, never waiting; empty when all are taken. */
    Optional<Place> tryEnter(ProviderId provider) {
        Semaphore bulkhead = bulkheads.computeIfAbsent(provider, id -> new Semaphore(places));
        return bulkhead.tryAcquire() ? Optional.of(new Place(bulkhead)) : Optional.empty();
    }
}
