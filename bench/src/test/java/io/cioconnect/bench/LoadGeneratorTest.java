package io.cioconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private final LoadGenerator load = new LoadGenerator("127.0.0.1");

    @Test
    void openLoopSendsAtTheAskedRate() throws Exception {
        LoadResult result = load.openLoop("instant", (connections, iteration) -> true, 2, 200, Duration.ofMillis(500));

        assertThat(result.ok()).isBetween(95L, 100L);
        assertThat(result.errors()).isZero();
    }

    /** A server that stalls once delays every request due meanwhile; each of them is charged the wait. */
    @Test
    void openLoopChargesAStallToEveryRequestItDelayed() throws Exception {
        AtomicBoolean stalled = new AtomicBoolean();
        Scenario stallsOnce = (connections, iteration) -> {
            if (stalled.compareAndSet(false, true)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300)); // the simulated server's stall
            }
            return true;
        };

        LoadResult result = load.openLoop("stall", stallsOnce, 1, 100, Duration.ofMillis(500));

        // 30 of the 50 requests were due during the stall and waited up to 290 ms for it: most samples are slow,
        // where a closed loop would have recorded one slow request among fast ones.
        assertThat(result.max()).isGreaterThanOrEqualTo(300);
        assertThat(result.p50()).isGreaterThan(30);
    }

    @Test
    void countsAFailedRequestAsAnErrorNotALatency() throws Exception {
        LoadResult result = load.closedLoop("failing", (connections, iteration) -> false, 1, Duration.ofMillis(50));

        assertThat(result.ok()).isZero();
        assertThat(result.errors()).isPositive();
    }
}
