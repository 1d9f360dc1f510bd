package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ConnectionStore.RefreshClaim;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.time.Duration;

/**
 * One refresh attempt: which connection, the version it had when the caller decided to refresh (a newer
 * one under the lock means another worker got there first), how close to expiry counts as due, whether
 * the caller insists on a new token, and what started it.
 */
record RefreshAttempt(ConnectionId id, long seenVersion, Duration margin, boolean force, Trigger trigger) {

    /** An {@code access-token} call: due within the refresh skew, or forced. */
    static RefreshAttempt onDemand(Connection seen, Duration skew, boolean force) {
        return new RefreshAttempt(seen.id(), seen.version(), skew, force, Trigger.ON_DEMAND);
    }

    /** A background refresh of a claimed connection: due within the refresh window. */
    static RefreshAttempt background(RefreshClaim claim, Duration window) {
        return new RefreshAttempt(claim.id(), claim.version(), window, false, Trigger.BACKGROUND);
    }
}
