package io.cioconnect.application.service;

import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.domain.ProviderId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's part of a sweep: keeps up to {@code concurrency} calls to the provider in flight, starting the
 * next claimed connection as soon as a place frees up (a place frees up when the provider has answered; the
 * write that follows needs none), until a claim finds nothing due. It claims ahead, up to {@code concurrency}
 * connections while all places are busy, so that no place waits for a claim; a connection whose lease no longer
 * covers a whole provider call by the time a place is free is given back instead of started.
 */
final class ProviderSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSweep.class);

    private final ConnectionRefresher refresher;
    private final ProviderId provider;
    private final Executor threads;
    private final SweepTally tally;
    private final int concurrency;
    private final Semaphore places;
    private final Deque<LeaseClaim.Claimed> claimed = new ArrayDeque<>();
    private boolean drained;

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
            for (LeaseClaim.Claimed next = next(); next != null; next = next()) {
                places.acquire();
                Place place = new Place(places);
                if (refresher.hasTimeFor(next)) {
                    LeaseClaim.Claimed claim = next;
                    threads.execute(() -> refresh(claim, place));
                } else {
                    place.leave();
                    refresher.giveBack(next);
                }
            }
        } catch (InterruptedException e) {
            // Shutting down: what is claimed but not started is given back; what runs ends or its lease does.
            Thread.currentThread().interrupt();
            claimed.forEach(refresher::giveBack);
        }
    }

    /** The next claimed connection, claiming more while fewer than half a round are waiting; null when none is due. */
    private LeaseClaim.Claimed next() {
        if (!drained && claimed.size() <= concurrency / 2) {
            List<LeaseClaim.Claimed> more = claim(concurrency - claimed.size());
            drained = more.isEmpty();
            claimed.addAll(more);
        }
        return claimed.poll();
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

    private void refresh(LeaseClaim.Claimed claim, Place place) {
        try {
            tally.settled(refresher.refreshClaimed(claim, place));
        } catch (RuntimeException e) {
            LOG.warn("Background refresh of connection {} failed: {}", claim.connection().id(), e.toString());
            tally.error();
        } finally {
            place.leave();
        }
    }
}
