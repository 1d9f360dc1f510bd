package io.cioconnect.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.ToLongFunction;

/** The whole connect flow against the benchmark provider, beside {@code /health/live}. */
final class ConnectFlowPhase {

    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private ConnectFlowPhase() {
    }

    static BenchResults.ConnectFlow run(LoadGenerator load, BenchSettings settings, int port, String apiKey,
            BenchProvider provider, CpuMeter cpu, PrintStream out) throws InterruptedException {
        provider.latency(settings.flowLatencyMs());
        ConnectFlowScenario flow = new ConnectFlowScenario(port, provider.port(), apiKey, provider.ledger());
        Scenario health = Scenarios.healthLive(port);
        int clients = settings.flowClients();
        load.closedLoop("warm-up", flow, clients, WARM_UP);
        CpuMeter.CpuTimes before = cpu.now();
        LoadResult flowCapacity = load.closedLoop("connect flow", flow, clients, settings.window());
        CpuMeter.CpuTimes flowCpu = cpu.now().perRequestSince(before, flowCapacity.ok());
        LoadResult healthCapacity = load.closedLoop("health/live", health, clients, settings.window());
        double rate = Math.max(1, flowCapacity.ratePerSecond() * settings.openLoopShare());
        Queue<ConnectFlowScenario.FlowTimes> times = flow.record();
        LoadResult flowOpen = load.openLoop("connect flow", flow, clients, rate, settings.window());
        flow.stopRecording();
        // A flow sends three requests to the service: the baseline gets the same request rate.
        LoadResult healthOpen = load.openLoop("health/live", health, clients, rate * 3, settings.window());
        Map<String, double[]> steps = steps(new ArrayList<>(times));
        // Near capacity, queuing is most of the latency; at a light rate the service's own share shows alone.
        Queue<ConnectFlowScenario.FlowTimes> lightTimes = flow.record();
        LoadResult flowLight = load.openLoop("connect flow, light", flow, clients, settings.flowLightRate(),
                settings.window());
        flow.stopRecording();
        String light = " at " + Math.round(settings.flowLightRate()) + " flows/s";
        steps.put("whole flow" + light + " (open loop)", new double[] {flowLight.p50(), flowLight.p99()});
        steps(new ArrayList<>(lightTimes)).forEach((step, p) -> {
            if (!step.startsWith("provider")) {
                steps.put(step + light, p);
            }
        });
        out.printf("  %d browsers: %.0f flows/s (health/live %.0f req/s); at %.0f flows/s p50/p99 %.2f/%.2f ms,"
                + " service's own p50/p99 %.2f/%.2f ms (%.2f/%.2f ms%s); CPU ms/flow service %.2f, db %.2f%n", clients,
                flowCapacity.ratePerSecond(),
                healthCapacity.ratePerSecond(), rate, flowOpen.p50(), flowOpen.p99(),
                steps.get("service's own (create + start + callback - provider exchange)")[0],
                steps.get("service's own (create + start + callback - provider exchange)")[1],
                steps.get("service's own (create + start + callback - provider exchange)" + light)[0],
                steps.get("service's own (create + start + callback - provider exchange)" + light)[1], light,
                flowCpu.serviceMs(),
                flowCpu.databaseMs());
        return new BenchResults.ConnectFlow(clients, settings.flowLatencyMs(), flowCapacity, healthCapacity, rate,
                flowOpen, healthOpen, flowCpu, steps);
    }

    private static Map<String, double[]> steps(List<ConnectFlowScenario.FlowTimes> times) {
        Map<String, double[]> steps = new LinkedHashMap<>();
        steps.put("create session (API)", percentiles(times, ConnectFlowScenario.FlowTimes::create));
        steps.put("start (302 to provider)", percentiles(times, ConnectFlowScenario.FlowTimes::start));
        steps.put("provider authorize (not the service)", percentiles(times, ConnectFlowScenario.FlowTimes::authorize));
        steps.put("callback (code exchange, 303)", percentiles(times, ConnectFlowScenario.FlowTimes::callback));
        steps.put("provider token endpoint, inside the callback",
                percentiles(times, ConnectFlowScenario.FlowTimes::providerExchange));
        steps.put("service's own (create + start + callback - provider exchange)",
                percentiles(times, ConnectFlowScenario.FlowTimes::serviceOwn));
        return steps;
    }

    private static double[] percentiles(List<ConnectFlowScenario.FlowTimes> times,
            ToLongFunction<ConnectFlowScenario.FlowTimes> step) {
        Latencies latencies = new Latencies();
        times.forEach(t -> latencies.record(step.applyAsLong(t)));
        Latencies.Summary summary = Latencies.summarise(List.of(latencies));
        return new double[] {summary.percentileMillis(50), summary.percentileMillis(99)};
    }
}
