package io.cioconnect.application.service;

import io.cioconnect.domain.ProviderId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the {@code access-token} refreshes in flight per provider in this instance. A full bulkhead turns
 * the caller away at once rather than letting it queue: a slow provider then ties up a bounded number of
 * request threads, and no caller waits behind it for something that is not coming.
 */
final class ProviderBulkheads {

    private final int permits;
    private final Map<ProviderId, Semaphore> bulkheads = new ConcurrentHashMap<>();

    ProviderBulkheads(int permits) {
        this.permits = permits;
    }

    /** Takes a place for one refresh with {@code provider}, never waiting; false when all are taken. */
    boolean tryEnter(ProviderId provider) {
        return bulkhead(provider).tryAcquire();
    }

    /** Gives back a place taken by {@link #tryEnter}. */
    void leave(ProviderId provider) {
        bulkhead(provider).release();
    }

    private Semaphore bulkhead(ProviderId provider) {
        return bulkheads.computeIfAbsent(provider, id -> new Semaphore(permits));
    }
}
