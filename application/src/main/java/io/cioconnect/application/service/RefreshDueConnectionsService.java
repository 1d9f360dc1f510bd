package io.cioconnect.application.service;

import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.ProviderId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background refresher of one provider: a {@link ProviderSweep} keeps the provider's share of refreshes
 * in flight until nothing due is left unclaimed. Its pace is set by the provider alone (its latency, its rate
 * limit and the concurrency per provider): there are no batches to wait for and no pauses. Each sweep has its
 * own short-lived threads, so the service holds none between sweeps and needs no shutdown.
 */
public final class RefreshDueConnectionsService implements RefreshDueConnectionsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshDueConnectionsService.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ConnectionRefresher refresher;
    private final ProviderRegistry providers;

    public RefreshDueConnectionsService(ConnectionRefresher refresher, ProviderRegistry providers) {
        this.refresher = refresher;
        this.providers = providers;
    }

    @Override
    public RefreshSweep refreshDue(ProviderId provider) {
        if (providers.find(provider).isEmpty()) {
            return RefreshSweep.nothing();
        }
        SweepTally tally = new SweepTally();
        // Twice the places: a refresh whose provider has answered writes while the next one asks.
        ExecutorService threads = Executors.newFixedThreadPool(2 * refresher.settings().concurrency(), work -> {
            Thread thread = new Thread(work, "cio-refresh-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            new ProviderSweep(refresher, provider, threads, tally).run();
            threads.shutdown();
            if (!threads.awaitTermination(refresher.leaseLength(provider).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Refresh sweep of {}: refreshes still running when their leases ended", provider);
            }
        } catch (InterruptedException e) {
            // Shutting down: what runs ends or its lease does, and another sweep takes it.
            Thread.currentThread().interrupt();
        } finally {
            threads.shutdownNow();
        }
        RefreshSweep sweep = tally.sweep();
        if (sweep.claimed() > 0 || sweep.errors() > 0) {
            LOG.info("Refresh sweep of {}: {}", provider, sweep);
        }
        return sweep;
    }
}
