package io.cioconnect.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured, written as JSON and Markdown to {@code bench/results/}. */
record BenchResults(String startedAt, Map<String, Object> machine, BenchSettings settings, Startup startup,
        Memory memory, List<WrkLevel> wrk, List<AccessTokenLevel> accessToken, ConnectFlow connectFlow, RefreshSweep refreshSweep,
        SlowProvider slowProvider) {

    /**
     * Milliseconds from spawning {@code java -jar ... serve} to the first 200 of {@code /health/ready}: the first
     * start (initdb, migrations), a restart on the same data (embedded PostgreSQL started again), and a start
     * against a database that is already running (an external {@code DATABASE_URL}), and the CPU time that last
     * start used: on a busy machine the wall time grows with the load, the CPU time hardly.
     */
    record Startup(long firstStartMs, long restartMs, long externalDatabaseMs, long externalDatabaseCpuMs) {
    }

    /**
     * Resident memory of the service's JVM in MiB (embedded PostgreSQL runs in processes of its own): idle after
     * start, the highest sample under the access-token load, after all the load, and the peak (VmHWM).
     */
    record Memory(double idleMiB, double underLoadMiB, double afterLoadMiB, double peakMiB) {
    }

    /** {@code access-token} beside {@code /health/live} under wrk at one number of clients. */
    record WrkLevel(int clients, WrkPhase.WrkResult health, WrkPhase.WrkResult token, CpuMeter.CpuTimes healthCpu,
            CpuMeter.CpuTimes tokenCpu) {

        /** access-token's req/s over the baseline's: the goal is at least 0.5. */
        public double rateRatio() {
            return token.ratePerSecond() / health.ratePerSecond();
        }

        /** access-token's p99 over the baseline's: the goal is at most 1.5. */
        public double p99Ratio() {
            return token.p99Ms() / health.p99Ms();
        }
    }

    /** {@code access-token} beside {@code /health/live} at one number of clients. */
    record AccessTokenLevel(int clients, LoadResult healthCapacity, LoadResult tokenCapacity, double openLoopRate,
            LoadResult healthOpenLoop, LoadResult tokenOpenLoop, CpuMeter.CpuTimes healthCpuPerRequest,
            CpuMeter.CpuTimes tokenCpuPerRequest) {
    }

    /** The connect flow beside {@code /health/live}; {@code steps} are p50/p99 per step in ms. */
    record ConnectFlow(int clients, long providerLatencyMs, LoadResult flowCapacity, LoadResult healthCapacity,
            double openLoopFlowRate, LoadResult flowOpenLoop, LoadResult healthOpenLoop, CpuMeter.CpuTimes cpuPerFlow,
            Map<String, double[]> steps) {
    }

    /** The background refresher working through connections that all became due at once. */
    record RefreshSweep(int due, long providerLatencyMs, long refreshed, double secondsToFinish,
            double refreshesPerSecond, long duplicateRefreshes, long refusedRefreshes, long activeAndFreshInDatabase,
            long notActiveInDatabase, LoadResult healthDuringSweep, CpuMeter.CpuTimes cpuPerRefresh) {
    }

    /**
     * Valid-token {@code access-token} calls with the provider healthy and then slow, while {@code due}
     * connections keep being refreshed; {@code p99Ratio} is slow p99 over healthy p99.
     */
    record SlowProvider(int due, long providerLatencyMs, double rate, LoadResult validHealthy, LoadResult validSlow,
            LoadResult dueHealthy, LoadResult dueSlow, LoadResult readySlow, double p99Ratio) {
    }
}
