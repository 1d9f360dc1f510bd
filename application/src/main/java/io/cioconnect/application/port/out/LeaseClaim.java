package io.cioconnect.application.port.out;

import io.cioconnect.domain.Connection;
import java.time.Instant;
import java.util.Objects;

/** What a claim on a connection's refresh found: the lease, or why not. */
public sealed interface LeaseClaim {

    /** The lease is ours, on the connection as stored now. */
    record Claimed(Connection connection, RefreshLease lease) implements LeaseClaim {
        public Claimed {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(lease, "lease");
        }
    }

    /** The row moved on from the version the claim was made on (refreshed, failed, reconnected): nothing claimed. */
    record Changed(Connection current) implements LeaseClaim {
        public Changed {
            Objects.requireNonNull(current, "current");
        }
    }

    /** Another worker holds a live lease, until {@code until} at the latest. */
    record Busy(Instant until) implements LeaseClaim {
        public Busy {
            Objects.requireNonNull(until, "until");
        }
    }

    /** The connection does not exist (any more). */
    record Gone() implements LeaseClaim {
    }
}
