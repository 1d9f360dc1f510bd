package io.cioconnect.application.service;

import io.cioconnect.application.port.in.RetryRevocationsUseCase;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.PendingRevocation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Sends the revocations that are due, a batch at a time, leased so instances do not send one twice. */
public final class RetryRevocationsService implements RetryRevocationsUseCase {

    static final int BATCH_SIZE = 50;
    /** Longer than a revocation with all its retries can take. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final RevocationQueue queue;
    private final RevocationSender sender;
    private final Clock clock;

    public RetryRevocationsService(RevocationQueue queue, RevocationSender sender, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public int retryDue() {
        List<PendingRevocation> due = queue.claimDue(clock.instant(), LEASE, BATCH_SIZE);
        due.forEach(sender::send);
        return due.size();
    }
}
