package io.cioconnect.application.service;

import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.ProviderId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background refresher: sweeps every enabled OAuth provider at once, each as a {@link ProviderSweep}
 * that keeps the provider's share of refreshes in flight until nothing due is left unclaimed. Its pace is
 * set by the providers alone (their latency, rate limits and the concurrency per provider): there are no
 * batches to wait for and no pauses. Each sweep has its own short-lived threads, so the service holds
 * none between sweeps and needs no shutdown.
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
    public RefreshSweep refreshDue() {
        SweepTally tally = new SweepTally();
        ExecutorService threads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "cio-refresh-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> sweeps = new ArrayList<>();
            for (ProviderId provider : oauthProviders()) {
                sweeps.add(threads.submit(new ProviderSweep(refresher, provider, threads, tally)::run));
            }
            awaitAll(sweeps, tally);
        } finally {
            threads.shutdownNow();
        }
        RefreshSweep sweep = tally.sweep();
        if (sweep.claimed() > 0 || sweep.errors() > 0) {
            LOG.info("Refresh sweep: {}", sweep);
        }
        return sweep;
    }

    private List<ProviderId> oauthProviders() {
        return providers.descriptors().stream()
                .map(ProviderDescriptor::id)
                .filter(id -> providers.find(id).isPresent())
                .toList();
    }

    private static void awaitAll(List<Future<?>> sweeps, SweepTally tally) {
        for (Future<?> sweep : sweeps) {
            try {
                sweep.get();
            } catch (InterruptedException e) {
                // Shutting down: what is claimed stays leased until its lease ends, then another sweep takes it.
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("A provider's refresh sweep failed: {}", e.getCause().toString());
                tally.error();
            }
        }
    }
}
