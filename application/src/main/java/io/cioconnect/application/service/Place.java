package io.cioconnect.application.service;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A place in a bulkhead of provider calls, given back exactly once: as soon as the provider has answered (what
 * follows, the write, does not need the provider), or at the latest when the attempt ends.
 */
final class Place {

    /** A place that is not counted anywhere, for attempts that need none. */
    static final Place NONE = new Place(null);

    private final Semaphore bulkhead;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Place(Semaphore bulkhead) {
        this.bulkhead = bulkhead;
    }

    void leave() {
        if (bulkhead != null && held.compareAndSet(true, false)) {
            bulkhead.release();
        }
    }
}
