package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ConnectionStore.RefreshClaim;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background refresher: claims due connections a batch at a time (instances sharing the database
 * split them, see {@link ConnectionStore#claimForRefresh}) and refreshes each through the same locked
 * path as {@code access-token}, a few at once, each after a random delay. The provider adapters' own rate
 * limiters bound how fast any one provider is asked. Each sweep has its own short-lived thread pool, so
 * the service holds no threads between sweeps and needs no shutdown.
 */
public final class RefreshDueConnectionsService implements RefreshDueConnectionsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshDueConnectionsService.class);

    private final ConnectionStore connections;
    private final ConnectionRefresher refresher;
    private final RefreshBackoff jitter;
    private final Clock clock;
    private final RefreshSettings settings;

    public RefreshDueConnectionsService(ConnectionStore connections, ProviderRegistry providers, RandomSource random,
            Clock clock, ConnectSettings connectSettings, RefreshSettings settings, RefreshMetrics metrics) {
        this.connections = connections;
        this.refresher = new ConnectionRefresher(connections, providers, random, clock, connectSettings, settings,
                metrics);
        this.jitter = new RefreshBackoff(settings, random);
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public RefreshSweep refreshDue() {
        SweepTally tally = new SweepTally();
        ScheduledExecutorService workers = SweepWorkers.start(settings.concurrency());
        try {
            Optional<List<RefreshClaim>> batch;
            do {
                batch = claimBatch(tally);
                batch.ifPresent(claims -> refreshAll(claims, workers, tally));
            } while (batch.filter(claims -> claims.size() == settings.batchSize()).isPresent()
                    && !Thread.currentThread().isInterrupted());
        } finally {
            workers.shutdownNow();
        }
        RefreshSweep sweep = tally.sweep();
        if (sweep.claimed() > 0 || sweep.errors() > 0) {
            LOG.info("Refresh sweep: {}", sweep);
        }
        return sweep;
    }

    /** The next batch, or nothing when the store cannot claim (the next sweep tries again). */
    private Optional<List<RefreshClaim>> claimBatch(SweepTally tally) {
        try {
            List<RefreshClaim> claims = connections.claimForRefresh(clock.instant(), settings.window(), settings.lease(),
                    settings.batchSize());
            tally.claimed(claims.size());
            return Optional.of(claims);
        } catch (RuntimeException e) {
            LOG.warn("Refresh sweep could not claim connections: {}", e.toString());
            tally.error();
            return Optional.empty();
        }
    }

    private void refreshAll(List<RefreshClaim> claims, ScheduledExecutorService workers, SweepTally tally) {
        List<Future<?>> running = new ArrayList<>();
        for (RefreshClaim claim : claims) {
            running.add(workers.schedule(() -> refreshOne(claim, tally), jitter.startJitter().toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        for (Future<?> refresh : running) {
            try {
                refresh.get();
            } catch (InterruptedException e) {
                // Shutting down: what is left stays claimed until its lease ends, then another sweep takes it.
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                tally.error(); // refreshOne catches everything; this is only a safety net
            }
        }
    }

    private void refreshOne(RefreshClaim claim, SweepTally tally) {
        try {
            tally.settled(refresher.refresh(RefreshAttempt.background(claim, settings.window())).counted());
        } catch (RuntimeException e) {
            LOG.warn("Background refresh of connection {} failed: {}", claim.id(), e.toString());
            tally.error();
        }
    }
}
