package io.cioconnect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Capacity of {@code access-token} for valid tokens against {@code /health/live}, measured with {@code wrk}
 * (closed loop, two threads): its C event loop costs far less than the Java generator, so the ratio it
 * reports is the service's and not the generator's. At each client level the two sides take turns, in
 * {@link #ROUNDS} rounds of half the window each, so that other work on a shared machine, which comes and goes,
 * weighs on both sides alike.
 */
final class WrkPhase {

    /** Connections the {@code access-token} side is spread over, as a host with a few dozen users would be. */
    static final int CONNECTIONS = 50;
    static final int ROUNDS = 2;

    private WrkPhase() {
    }

    static List<BenchResults.WrkLevel> run(BenchSettings settings, Path workDir, int port, String apiKey, List<UUID> ids,
            CpuMeter cpu, PrintStream out) throws IOException, InterruptedException {
        List<UUID> some = ids.subList(0, Math.min(CONNECTIONS, ids.size()));
        Path health = script(workDir.resolve("health.lua"), "GET", null, List.of("/health/live"));
        Path token = script(workDir.resolve("token.lua"), "POST", apiKey, some.stream()
                .map(id -> "/api/v1/connections/" + id + "/access-token").collect(Collectors.toList()));
        String url = "http://127.0.0.1:" + port;
        // The JIT compiles the hot paths before anything counts.
        wrk(token, url, 32, settings.wrkWarmUpSeconds());
        wrk(health, url, 32, 3);
        List<BenchResults.WrkLevel> levels = new ArrayList<>();
        for (int clients : settings.wrkClientLevels()) {
            long seconds = Math.max(1, settings.wrkSeconds() / ROUNDS);
            WrkResult healthResult = null;
            WrkResult tokenResult = null;
            CpuMeter.CpuTimes healthCpu = new CpuMeter.CpuTimes(0, 0);
            CpuMeter.CpuTimes tokenCpu = new CpuMeter.CpuTimes(0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                CpuMeter.CpuTimes t0 = cpu.now();
                healthResult = WrkResult.plus(healthResult, wrk(health, url, clients, seconds));
                CpuMeter.CpuTimes t1 = cpu.now();
                tokenResult = WrkResult.plus(tokenResult, wrk(token, url, clients, seconds));
                CpuMeter.CpuTimes t2 = cpu.now();
                healthCpu = healthCpu.plus(t1.perRequestSince(t0, 1));
                tokenCpu = tokenCpu.plus(t2.perRequestSince(t1, 1));
            }
            BenchResults.WrkLevel level = new BenchResults.WrkLevel(clients, healthResult, tokenResult,
                    healthCpu.per(healthResult.requests()), tokenCpu.per(tokenResult.requests()));
            levels.add(level);
            out.printf("  wrk %3d clients: health/live %6.0f req/s p99 %.2f ms, access-token %6.0f req/s p99 %.2f ms"
                    + " (req/s %.2fx, p99 %.2fx); CPU ms/request service+db health %.3f+%.3f, access-token %.3f+%.3f;"
                    + " errors %d%n", clients, healthResult.ratePerSecond(), healthResult.p99Ms(),
                    tokenResult.ratePerSecond(), tokenResult.p99Ms(), level.rateRatio(), level.p99Ratio(),
                    level.healthCpu().serviceMs(), level.healthCpu().databaseMs(), level.tokenCpu().serviceMs(),
                    level.tokenCpu().databaseMs(), healthResult.errors() + tokenResult.errors());
        }
        return levels;
    }

    /** What one wrk run reports through the script's {@code done}: requests, errors, seconds, p50 and p99. */
    record WrkResult(long requests, long errors, double seconds, double p50Ms, double p99Ms) {

        double ratePerSecond() {
            return (requests - errors) / seconds;
        }

        /** Two runs as one: counts and time add up, percentiles are their mean. */
        static WrkResult plus(WrkResult a, WrkResult b) {
            return a == null ? b : new WrkResult(a.requests + b.requests, a.errors + b.errors, a.seconds + b.seconds,
                    (a.p50Ms + b.p50Ms) / 2, (a.p99Ms + b.p99Ms) / 2);
        }

        static WrkResult parse(String output) {
            for (String line : output.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.trim().split(" ");
                    return new WrkResult(Long.parseLong(f[1]), Long.parseLong(f[2]) + Long.parseLong(f[3]),
                            Double.parseDouble(f[4]) / 1e6, Double.parseDouble(f[5]) / 1e3, Double.parseDouble(f[6]) / 1e3);
                }
            }
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
    }

    private static WrkResult wrk(Path script, String url, int clients, long seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? bench/run.sh installs it):\n" + output);
        }
        return WrkResult.parse(output);
    }

    /** A wrk script that cycles through {@code paths}; a non-2xx answer counts as an error. */
    static Path script(Path file, String method, String apiKey, List<String> paths) throws IOException {
        String list = paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        String lua = "local paths = { " + list + " }\nlocal i = 0\n"
                + "wrk.method = \"" + method + "\"\n"
                + (apiKey == null ? "" : "wrk.headers[\"Authorization\"] = \"Bearer " + apiKey + "\"\n")
                + (method.equals("POST") ? "wrk.headers[\"Content-Length\"] = \"0\"\n" : "")
                + "request = function()\n  i = i + 1\n  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n"
                + "done = function(summary, latency, requests)\n"
                + "  local e = summary.errors\n"
                + "  io.write(string.format(\"RESULT %d %d %d %d %.1f %.1f\\n\", summary.requests, e.status,"
                + " e.connect + e.read + e.write + e.timeout, summary.duration, latency:percentile(50),"
                + " latency:percentile(99)))\nend\n";
        Files.writeString(file, lua);
        return file;
    }
}
