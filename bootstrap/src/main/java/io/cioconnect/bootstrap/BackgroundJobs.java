package io.cioconnect.bootstrap;

import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.application.port.out.ComponentHealth;
import io.cioconnect.domain.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * The periodic jobs (cleanup, revocation retries, one refresh sweep per provider, the store's statistics, and
 * whatever another part registers with {@link #every}), each supervised on a thread of its own so that a job
 * that runs long (a slow provider's sweep) delays no other. Each job is one readiness check by its name.
 */
final class BackgroundJobs implements AutoCloseable, ComponentHealth {

    /**
     * A job that died is restarted after 1 s, then ever later after deaths in a row, up to 10 s: short, because a
     * job that died of a database outage stays DOWN in readiness until a restarted run ends normally.
     */
    static final Backoff RESTARTS = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final List<SupervisedJob> jobs = new CopyOnWriteArrayList<>();
    private final Backoff restarts;
    private boolean closed;

    BackgroundJobs() {
        this(RESTARTS);
    }

    BackgroundJobs(Backoff restarts) {
        this.restarts = restarts;
    }

    /** Runs {@code job} every {@code interval}, the first time after one interval. */
    void every(Duration interval, String name, IntSupplier job) {
        every(interval, interval, name, job);
    }

    /**
     * Runs {@code job} after {@code firstAfter}, then {@code interval} after the end of each run. {@code name}
     * is the job's readiness check: stable, lower case, nothing secret in it.
     */
    synchronized void every(Duration firstAfter, Duration interval, String name, IntSupplier job) {
        if (closed) {
            throw new IllegalStateException("the background jobs are stopped; " + name + " cannot start");
        }
        if (jobs.stream().anyMatch(existing -> existing.name().equals(name))) {
            throw new IllegalArgumentException("a background job named " + name + " is already running");
        }
        SupervisedJob supervised = new SupervisedJob(name, interval, job, restarts);
        jobs.add(supervised);
        supervised.start(firstAfter);
    }

    @Override
    public List<Readiness.Check> checks() {
        return jobs.stream().map(SupervisedJob::check).toList();
    }

    /** Lets running jobs finish (within ten seconds in all, then interrupts them), then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        jobs.forEach(SupervisedJob::stop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (SupervisedJob job : jobs) {
            job.awaitStop(Math.max(0, deadline - System.nanoTime()));
        }
    }
}
