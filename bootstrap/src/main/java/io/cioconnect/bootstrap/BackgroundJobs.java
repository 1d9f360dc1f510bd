package io.cioconnect.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The periodic jobs (cleanup, revocation retries, the refresher), a thread each: start and stop with the server. */
final class BackgroundJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "cio-connect-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code job} every {@code interval}; a failing run is logged and the next one happens anyway. */
    void every(Duration interval, String name, IntSupplier job) {
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

    /** Lets a running job finish (bounded), then stops. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
