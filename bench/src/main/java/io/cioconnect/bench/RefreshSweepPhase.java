package io.cioconnect.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The background refresher against a slow provider: every seeded connection becomes due at once, and the
 * provider counts each refresh token it is shown, so a refresh done twice cannot hide. A smaller sweep runs
 * first, so that the JIT has compiled the refresh path before the measured one, as in a service that has been
 * sweeping for a while.
 */
final class RefreshSweepPhase {

    /** The baseline runs at a modest rate during the sweep: it shows what the sweep does to serving. */
    private static final double HEALTH_RATE = 50;
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final double WARM_UP_SHARE = 0.2;
    private static final int DUE_IN_SECONDS = 120;

    private RefreshSweepPhase() {
    }

    static BenchResults.RefreshSweep run(LoadGenerator load, BenchSettings settings, int port, BenchProvider provider,
            SweepFixture fixture, List<UUID> ids, CpuMeter cpu, PrintStream out) throws Exception {
        ProviderLedger ledger = provider.ledger();
        provider.latency(settings.sweepLatencyMs());
        warmUp(ledger, fixture, ids.subList(0, Math.max(1, (int) (ids.size() * WARM_UP_SHARE))), settings, out);
        ledger.resetRefreshCounts();
        CpuMeter.CpuTimes before = cpu.now();
        int due = fixture.makeSeededConnectionsDue();
        long dueAt = System.nanoTime();
        Progress progress = new Progress(ledger, due, settings.sweepTimeout());
        LoadResult health = load.openLoopUntil("health/live", Scenarios.healthLive(port), 4, HEALTH_RATE,
                settings.sweepTimeout(), progress::finished);
        CpuMeter.CpuTimes cpuPerRefresh = cpu.now().perRequestSince(before, Math.max(1, ledger.refreshes()));
        Thread.sleep(SETTLE.toMillis()); // a refresh sent twice would arrive now at the latest
        provider.latency(0);
        long refreshed = ledger.refreshes();
        double toFinish = refreshed == 0 ? Double.NaN : (ledger.lastRefreshNanos() - dueAt) / 1e9;
        double busy = (ledger.lastRefreshNanos() - ledger.firstRefreshNanos()) / 1e9;
        long[] database = fixture.refreshedAndBroken();
        BenchResults.RefreshSweep sweep = new BenchResults.RefreshSweep(due, settings.sweepLatencyMs(), refreshed,
                toFinish, busy > 0 ? refreshed / busy : Double.NaN, ledger.duplicateRefreshes(), ledger.refusedRefreshes(),
                database[0], database[1], health, cpuPerRefresh);
        out.printf("  %d of %d refreshed in %.1f s (%.1f/s), duplicates %d, refused %d; database: %d fresh, %d not active;"
                + " CPU ms per refresh service+db %.3f+%.3f%n", refreshed, due, toFinish, sweep.refreshesPerSecond(),
                sweep.duplicateRefreshes(), sweep.refusedRefreshes(), database[0], database[1], cpuPerRefresh.serviceMs(),
                cpuPerRefresh.databaseMs());
        return sweep;
    }

    private static void warmUp(ProviderLedger ledger, SweepFixture fixture, List<UUID> ids, BenchSettings settings,
            PrintStream out) throws Exception {
        ledger.resetRefreshCounts();
        long started = System.nanoTime();
        Progress progress = new Progress(ledger, fixture.makeDue(ids, DUE_IN_SECONDS), settings.sweepTimeout());
        while (!progress.finished()) {
            // A poll, not a wait on the service: the harness watches the provider's ledger, which signals nothing.
            Thread.sleep(100);
        }
        out.printf("  warm-up sweep: %d refreshed in %.1f s%n", ledger.refreshes(), (System.nanoTime() - started) / 1e9);
    }

    /** Done when every due connection was refreshed, or time ran out, or nothing moved for a minute. */
    private static final class Progress {
        private final ProviderLedger ledger;
        private final int due;
        private final long deadline;
        private long lastCount = -1;
        private long lastMove = System.nanoTime();

        Progress(ProviderLedger ledger, int due, Duration timeout) {
            this.ledger = ledger;
            this.due = due;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        synchronized boolean finished() {
            long now = System.nanoTime();
            long count = ledger.refreshes() + ledger.refusedRefreshes();
            if (count != lastCount) {
                lastCount = count;
                lastMove = now;
            }
            return ledger.refreshes() >= due || now > deadline || now - lastMove > NO_PROGRESS_LIMIT.toNanos();
        }
    }
}
