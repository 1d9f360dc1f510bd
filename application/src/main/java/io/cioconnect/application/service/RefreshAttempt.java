package io.cioconnect.application.service;

import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.domain.Connection;
import java.time.Duration;
import java.util.Objects;

/**
 * One refresh attempt: the connection as the caller saw it when it decided to refresh (a newer version
 * later means another worker got there first), how close to expiry counts as due, whether the caller
 * insists on a new token, and what started it.
 */
record RefreshAttempt(Connection seen, Duration margin, boolean force, Trigger trigger) {

    RefreshAttempt {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** An {@code access-token} call: due within the refresh skew, or forced. */
    static RefreshAttempt onDemand(Connection seen, Duration skew, boolean force) {
        return new RefreshAttempt(seen, skew, force, Trigger.ON_DEMAND);
    }

    /** A background refresh of a claimed connection: due within the refresh window. */
    static RefreshAttempt background(Connection claimed, Duration window) {
        return new RefreshAttempt(claimed, window, false, Trigger.BACKGROUND);
    }
}
