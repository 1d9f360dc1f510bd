package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Thread-safe in-memory {@link RevocationQueue}. */
public final class InMemoryRevocationQueue implements RevocationQueue {

    private final Map<UUID, PendingRevocation> queue = new LinkedHashMap<>();

    /** Queues a revocation; the connection store calls this in the same step as a deletion or a reconnection. */
    public synchronized void enqueue(PendingRevocation revocation) {
        queue.put(revocation.id(), revocation);
    }

    @Override
    public synchronized List<PendingRevocation> claimDue(Instant now, Duration lease, int limit) {
        List<PendingRevocation> due = queue.values().stream()
                .filter(revocation -> !revocation.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(PendingRevocation::nextAttemptAt))
                .limit(limit)
                .toList();
        List<PendingRevocation> claimed = new ArrayList<>(due);
        for (PendingRevocation revocation : due) {
            queue.put(revocation.id(), new PendingRevocation(revocation.id(), revocation.provider(), revocation.token(),
                    revocation.attempts(), now.plus(lease), revocation.lastError()));
        }
        return claimed;
    }

    @Override
    public synchronized void complete(UUID id) {
        queue.remove(id);
    }

    @Override
    public synchronized void retryLater(PendingRevocation next) {
        queue.replace(next.id(), next);
    }

    /** How many revocations are waiting. */
    public synchronized int size() {
        return queue.size();
    }
}
