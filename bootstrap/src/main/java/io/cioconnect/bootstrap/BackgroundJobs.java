package io.cioconnect.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic jobs (cleanup, revocation retries, one refresher per provider), a thread each, so that a job
 * that runs long (a slow provider's sweep) delays no other: start and stop with the server.
 */
final class BackgroundJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final List<ScheduledExecutorService> schedulers = new ArrayList<>();

    /** Runs {@code job} every {@code interval}; a failing run is logged and the next one happens anyway. */
    void every(Duration interval, String name, IntSupplier job) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cio-connect-jobs");
            thread.setDaemon(true);
            return thread;
        });
        schedulers.add(scheduler);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int handled = job.getAsInt();
                if (handled > 0) {
                    LOG.info("{}: {} handled", name, handled);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", name, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets running jobs finish (bounded), then stops. */
    @Override
    public void close() {
        schedulers.forEach(ScheduledExecutorService::shutdown);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (ScheduledExecutorService scheduler : schedulers) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!scheduler.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    scheduler.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            schedulers.forEach(ScheduledExecutorService::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
