package io.cioconnect.bootstrap;

import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.domain.Backoff;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background job on a thread of its own. A run that throws anything, {@link Error}s included, kills
 * the job: it is DOWN in readiness and restarted after a backoff, and UP again once a restarted run ends
 * normally. The scheduler alone would silently never run a task again after it threw.
 */
final class SupervisedJob {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final String name;
    private final Duration interval;
    private final IntSupplier work;
    private final Backoff restarts;
    private final ScheduledThreadPoolExecutor thread;
    private volatile boolean up = true;
    /** Touched only on the job's own thread. */
    private int deathsInARow;

    SupervisedJob(String name, Duration interval, IntSupplier work, Backoff restarts) {
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.restarts = restarts;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread jobThread = new Thread(runnable, "cio-connect-job-" + name);
            jobThread.setDaemon(true);
            return jobThread;
        });
        // A stop drops the next run that is waiting for its time; only a run already going is let finish.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    String name() {
        return name;
    }

    Readiness.Check check() {
        return new Readiness.Check(name, up);
    }

    void start(Duration firstAfter) {
        schedule(firstAfter);
    }

    private void schedule(Duration delay) {
        try {
            thread.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stopped meanwhile: no next run
        }
    }

    private void runOnce() {
        Duration next = interval;
        try {
            int handled = work.getAsInt();
            if (handled > 0) {
                LOG.info("{}: {} handled", name, handled);
            }
            deathsInARow = 0;
            up = true;
        } catch (Throwable e) { // supervision: whatever ends a run must not end the job
            if (thread.isShutdown()) {
                return; // interrupted by the stop
            }
            deathsInARow++;
            up = false;
            next = restarts.after(deathsInARow, ThreadLocalRandom.current()::nextDouble);
            logDeath(e, next);
        }
        schedule(next);
    }

    /** The stack trace once; a job that keeps dying (a database that is down) gets one line per death after. */
    private void logDeath(Throwable e, Duration restartIn) {
        if (deathsInARow == 1) {
            LOG.error("Background job {} died; restarting it in {} ms", name, restartIn.toMillis(), e);
        } else {
            LOG.error("Background job {} died again ({} in a row: {}); restarting it in {} ms", name, deathsInARow,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), restartIn.toMillis());
        }
    }

    void stop() {
        thread.shutdown();
    }

    /** Waits up to {@code nanos} for a running run to end, then interrupts it. */
    void awaitStop(long nanos) {
        try {
            if (!thread.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
