package io.cioconnect.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code access-token} for valid tokens, beside {@code /health/live}, at each number of clients. */
final class AccessTokenPhase {

    private static final Duration WARM_UP = Duration.ofSeconds(20);

    private AccessTokenPhase() {
    }

    static List<BenchResults.AccessTokenLevel> run(LoadGenerator load, BenchSettings settings, int port, String apiKey,
            List<UUID> ids, CpuMeter cpu, PrintStream out) throws InterruptedException {
        Scenario health = Scenarios.healthLive(port);
        Scenario token = Scenarios.accessToken(port, apiKey, ids);
        // The JIT compiles the hot paths first, so the first level is not measured half-interpreted.
        load.closedLoop("warm-up", token, 32, WARM_UP);
        load.closedLoop("warm-up", health, 32, Duration.ofSeconds(3));
        List<BenchResults.AccessTokenLevel> levels = new ArrayList<>();
        for (int clients : settings.clientLevels()) {
            CpuMeter.CpuTimes t0 = cpu.now();
            LoadResult healthCapacity = load.closedLoop("health/live", health, clients, settings.window());
            CpuMeter.CpuTimes t1 = cpu.now();
            LoadResult tokenCapacity = load.closedLoop("access-token", token, clients, settings.window());
            CpuMeter.CpuTimes t2 = cpu.now();
            CpuMeter.CpuTimes healthCpu = t1.perRequestSince(t0, healthCapacity.ok());
            CpuMeter.CpuTimes tokenCpu = t2.perRequestSince(t1, tokenCapacity.ok());
            double rate = Math.max(1, tokenCapacity.ratePerSecond() * settings.openLoopShare());
            LoadResult healthOpen = load.openLoop("health/live", health, clients, rate, settings.window());
            LoadResult tokenOpen = load.openLoop("access-token", token, clients, rate, settings.window());
            levels.add(new BenchResults.AccessTokenLevel(clients, healthCapacity, tokenCapacity, rate, healthOpen,
                    tokenOpen, healthCpu, tokenCpu));
            out.printf("  %3d clients: health/live %6.0f req/s, access-token %6.0f req/s; at %5.0f/s p50/p99/p999"
                    + " health %.2f/%.2f/%.2f ms, access-token %.2f/%.2f/%.2f ms; CPU ms/request service+db"
                    + " health %.3f+%.3f, access-token %.3f+%.3f%n", clients,
                    healthCapacity.ratePerSecond(), tokenCapacity.ratePerSecond(), rate, healthOpen.p50(), healthOpen.p99(),
                    healthOpen.p999(), tokenOpen.p50(), tokenOpen.p99(), tokenOpen.p999(), healthCpu.serviceMs(),
                    healthCpu.databaseMs(), tokenCpu.serviceMs(), tokenCpu.databaseMs());
        }
        return levels;
    }
}
