package io.cioconnect.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How tokens are kept fresh in the background: which tokens are due ({@code window}), how often to look
 * ({@code interval}, used by whoever schedules the sweeps), how many connections one claim takes and how
 * many are refreshed at once, how long a claim hides a connection from other instances, how far refreshes
 * are spread, and how a connection backs off after failed refreshes.
 *
 * @param window      {@code REFRESH_WINDOW}: tokens expiring within it are refreshed in the background
 * @param interval    {@code REFRESH_INTERVAL}: the pause between two sweeps
 * @param batchSize   connections claimed per claim
 * @param concurrency refreshes running at once in one instance; each holds a pooled database connection
 *                    during the provider call, so keep it well below the pool size
 * @param lease       how long a claim hides a connection from other instances' claims
 * @param jitter      each claimed refresh starts after a random delay below this
 * @param backoffBase the backoff after a first failure; it doubles with every failure in a row
 * @param backoffCap  the longest backoff
 */
public record RefreshSettings(Duration window, Duration interval, int batchSize, int concurrency, Duration lease,
        Duration jitter, Duration backoffBase, Duration backoffCap) {

    public static final int MAX_BATCH_SIZE = 1000;
    public static final int MAX_CONCURRENCY = 64;

    public RefreshSettings {
        requirePositive(window, "window");
        requirePositive(interval, "interval");
        requirePositive(lease, "lease");
        Objects.requireNonNull(jitter, "jitter");
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter must not be negative");
        }
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
    }

    /**
     * SPEC §3's {@code REFRESH_WINDOW} 5 min and {@code REFRESH_INTERVAL} 30 s; 50 connections per claim, 4
     * refreshes at once (the pool holds 10), a 2-minute lease, up to 1 s of jitter, backoff from 30 s to 1 h.
     */
    public static RefreshSettings defaults() {
        return new RefreshSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), 50, 4, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /** The same settings with another window and interval (as read from the environment). */
    public RefreshSettings withWindowAndInterval(Duration newWindow, Duration newInterval) {
        return new RefreshSettings(newWindow, newInterval, batchSize, concurrency, lease, jitter, backoffBase,
                backoffCap);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
