package io.cioconnect.application.port.out;

import io.cioconnect.domain.ConnectionId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A lease on one connection's refresh: the row version it was taken on (its fence), who holds it, and
 * until when. Holders are random per attempt, so a lease taken over by another worker is never mistaken
 * for one's own.
 */
public record RefreshLease(ConnectionId id, long version, UUID holder, Instant until) {

    public RefreshLease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(until, "until");
    }
}
