package io.cioconnect.application.service;

import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase.RefreshSweep;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what one sweep's refreshes ended in, from several worker threads at once. */
final class SweepTally {

    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger refreshed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger reauthorizationRequired = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    void claimed(int count) {
        claimed.addAndGet(count);
    }

    void settled(Outcome outcome) {
        switch (outcome) {
            case REFRESHED -> refreshed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case REAUTHORIZATION_REQUIRED -> reauthorizationRequired.incrementAndGet();
            case REUSED, NOT_NEEDED, GONE, LOST, REJECTED, WAIT_TIMEOUT -> skipped.incrementAndGet();
            case ERROR -> errors.incrementAndGet();
        }
    }

    void error() {
        errors.incrementAndGet();
    }

    RefreshSweep sweep() {
        return new RefreshSweep(claimed.get(), refreshed.get(), failed.get(), reauthorizationRequired.get(),
                skipped.get(), errors.get());
    }
}
