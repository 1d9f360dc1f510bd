package io.cioconnect.application.contract;

import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Writes to a stored connection the way a refresher does: claim its lease, then complete it. */
public final class LeasedWrites {

    private LeasedWrites() {
    }

    /** A lease on {@code current} as stored, for a new holder, ending a minute after {@code now}. */
    public static RefreshLease leaseOn(Connection current, Instant now) {
        return new RefreshLease(current.id(), current.version(), UUID.randomUUID(), now.plus(Duration.ofMinutes(1)));
    }

    /** Claims the connection's lease at {@code now}, writes {@code change} of it, and returns what is stored. */
    public static Connection write(ConnectionStore store, ConnectionId id, Instant now, UnaryOperator<Connection> change) {
        Connection current = store.findById(id).orElseThrow();
        LeaseClaim claim = store.claimRefresh(leaseOn(current, now), now);
        if (!(claim instanceof LeaseClaim.Claimed claimed)) {
            throw new IllegalStateException("expected to claim the lease, found " + claim);
        }
        return store.completeRefresh(claimed.lease(), change.apply(claimed.connection())).orElseThrow();
    }
}
