package io.cioconnect.adapter.customerio;

import java.time.Duration;

/**
 * The end of a provider operation made of several requests (discovery, registration, the token request): a
 * request starts only if its longest run still ends in time, so the operation keeps the time limit it promised.
 */
final class CallDeadline {

    private static final CallDeadline NONE = new CallDeadline(Long.MAX_VALUE);

    private final long endNanos;

    private CallDeadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code limit} from now. */
    static CallDeadline in(Duration limit) {
        return new CallDeadline(System.nanoTime() + limit.toNanos());
    }

    /** No deadline: every request may start. */
    static CallDeadline none() {
        return NONE;
    }

    /** Whether a request that may run for {@code longest} started now ends by the deadline. */
    boolean fits(Duration longest) {
        return this == NONE || endNanos - System.nanoTime() >= longest.toNanos();
    }
}
