package io.cioconnect.application.service;

import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.domain.ProviderId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's part of a sweep: keeps up to {@code concurrency} refreshes in flight, and whenever places
 * free up claims that many due connections (under leases, skipping rows other instances are claiming) and
 * starts them, until a claim finds nothing due; then waits for those in flight.
 */
final class ProviderSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSweep.class);

    private final ConnectionRefresher refresher;
    private final ProviderId provider;
    private final Executor threads;
    private final SweepTally tally;
    private final int concurrency;
    private final Semaphore places;

    ProviderSweep(ConnectionRefresher refresher, ProviderId provider, Executor threads, SweepTally tally) {
        this.refresher = refresher;
        this.provider = provider;
        this.threads = threads;
        this.tally = tally;
        this.concurrency = refresher.settings().concurrency();
        this.places = new Semaphore(concurrency);
    }

    void run() {
        try {
            List<LeaseClaim.Claimed> claims;
            do {
                places.acquire();
                int free = 1 + places.drainPermits();
                claims = claim(free);
                places.release(free - claims.size());
                claims.forEach(claim -> threads.execute(() -> refresh(claim)));
            } while (!claims.isEmpty());
            places.acquire(concurrency); // every refresh in flight has ended
        } catch (InterruptedException e) {
            // Shutting down: what is claimed stays leased until its lease ends, then another sweep takes it.
            Thread.currentThread().interrupt();
        }
    }

    /** The next claims, or none when the store cannot claim (the next sweep tries again). */
    private List<LeaseClaim.Claimed> claim(int limit) {
        try {
            List<LeaseClaim.Claimed> claims = refresher.claimDue(provider, limit);
            tally.claimed(claims.size());
            return claims;
        } catch (RuntimeException e) {
            LOG.warn("Refresh sweep could not claim connections of {}: {}", provider, e.toString());
            tally.error();
            return List.of();
        }
    }

    private void refresh(LeaseClaim.Claimed claim) {
        try {
            tally.settled(refresher.refreshClaimed(claim));
        } catch (RuntimeException e) {
            LOG.warn("Background refresh of connection {} failed: {}", claim.connection().id(), e.toString());
            tally.error();
        } finally {
            places.release();
        }
    }
}
