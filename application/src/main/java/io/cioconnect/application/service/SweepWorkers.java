package io.cioconnect.application.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The fixed, small pool of daemon threads one refresh sweep runs its refreshes on. */
final class SweepWorkers {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private SweepWorkers() {
    }

    static ScheduledExecutorService start(int concurrency) {
        return Executors.newScheduledThreadPool(concurrency, work -> {
            Thread thread = new Thread(work, "cio-refresh-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
