package io.cioconnect.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The knobs of one benchmark run, read from {@code BENCH_*} variables. The defaults keep the whole run
 * under ten minutes on two cores.
 *
 * @param windowSeconds   how long each measured load run lasts
 * @param connections     connections stored before {@code access-token} is measured (and refreshed by the sweep)
 * @param clientLevels    concurrent clients for {@code access-token}
 * @param flowClients     concurrent browsers for the connect flow
 * @param openLoopShare   the open-loop runs go at this share of the capacity the closed-loop run found
 * @param flowLatencyMs   the provider's token endpoint latency during the connect flows
 * @param flowLightRate   flows per second of the connect flow's light-load open-loop run (its latency without queuing)
 * @param sweepLatencyMs  the provider's token endpoint latency during the refresh sweep
 * @param sweepTimeoutSeconds the longest the sweep is waited for
 * @param slowLatencyMs   the provider's token endpoint latency in the slow-provider phase
 * @param slowDue         connections kept due (and refreshing) during the slow-provider phase
 * @param slowRate        requests per second of valid-token {@code access-token} in the slow-provider phase
 * @param slowSeconds     how long each of its two runs (healthy, slow provider) lasts
 * @param wrkSeconds    how long each wrk run lasts
 * @param wrkWarmUpSeconds how long wrk warms {@code access-token} up before its first measured run
 * @param wrkClientLevels concurrent connections of the wrk runs
 * @param serviceJvmOptions options for the service's JVM; bench/run.sh passes the production ones, {@code @deploy/jvm.options}
 */
record BenchSettings(long windowSeconds, int connections, List<Integer> clientLevels, int flowClients, double openLoopShare,
        long flowLatencyMs, double flowLightRate, long sweepLatencyMs, long sweepTimeoutSeconds, long slowLatencyMs, int slowDue,
        double slowRate, long slowSeconds, long wrkSeconds, long wrkWarmUpSeconds, List<Integer> wrkClientLevels,
        List<String> serviceJvmOptions) {

    static BenchSettings from(Map<String, String> env) {
        return new BenchSettings(
                Long.parseLong(env.getOrDefault("BENCH_SECONDS", "8")),
                Integer.parseInt(env.getOrDefault("BENCH_CONNECTIONS", "10000")),
                integers(env.getOrDefault("BENCH_CLIENTS", "16,64,256")),
                Integer.parseInt(env.getOrDefault("BENCH_FLOW_CLIENTS", "16")),
                Double.parseDouble(env.getOrDefault("BENCH_OPEN_LOOP_SHARE", "0.7")),
                Long.parseLong(env.getOrDefault("BENCH_FLOW_LATENCY_MS", "0")),
                Double.parseDouble(env.getOrDefault("BENCH_FLOW_LIGHT_RATE", "20")),
                Long.parseLong(env.getOrDefault("BENCH_SWEEP_LATENCY_MS", "20")),
                Long.parseLong(env.getOrDefault("BENCH_SWEEP_TIMEOUT_SECONDS", "360")),
                Long.parseLong(env.getOrDefault("BENCH_SLOW_LATENCY_MS", "5000")),
                Integer.parseInt(env.getOrDefault("BENCH_SLOW_DUE", "50")),
                Double.parseDouble(env.getOrDefault("BENCH_SLOW_RATE", "500")),
                Long.parseLong(env.getOrDefault("BENCH_SLOW_SECONDS", "15")),
                Long.parseLong(env.getOrDefault("BENCH_WRK_SECONDS", "10")),
                Long.parseLong(env.getOrDefault("BENCH_WRK_WARM_UP_SECONDS", "15")),
                integers(env.getOrDefault("BENCH_WRK_CLIENTS", "16,64")),
                Arrays.stream(env.getOrDefault("BENCH_SERVICE_JAVA_OPTS", "").trim().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList());
    }

    private static List<Integer> integers(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    Duration sweepTimeout() {
        return Duration.ofSeconds(sweepTimeoutSeconds);
    }

    Duration slowWindow() {
        return Duration.ofSeconds(slowSeconds);
    }
}
