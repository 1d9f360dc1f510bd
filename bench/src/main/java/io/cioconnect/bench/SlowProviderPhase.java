package io.cioconnect.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code access-token} for valid tokens while a provider is slow: some connections stay due (their tokens
 * live shorter than {@code REFRESH_SKEW}, so every call for them refreshes, and the background sweep takes
 * them too), and callers keep asking for them. The same load runs twice, the provider answering at once and
 * then after {@code slowLatencyMs}; what the slowness costs the valid-token calls is the ratio of their p99.
 */
final class SlowProviderPhase {

    /** Inside the 60 s {@code REFRESH_SKEW}: a token issued now is due at once, and still good to use. */
    private static final int DUE_TOKEN_SECONDS = 40;
    private static final int VALID_CLIENTS = 16;
    private static final double READY_RATE = 10;

    private SlowProviderPhase() {
    }

    static BenchResults.SlowProvider run(LoadGenerator load, BenchSettings settings, int port, String apiKey,
            List<UUID> ids, BenchProvider provider, SweepFixture fixture, PrintStream out) throws Exception {
        List<UUID> due = ids.subList(0, settings.slowDue());
        Scenario valid = Scenarios.accessToken(port, apiKey, ids.subList(settings.slowDue(), ids.size()));
        Scenario dueCalls = Scenarios.accessToken(port, apiKey, due);
        provider.tokenLifetime(DUE_TOKEN_SECONDS);
        try {
            fixture.makeDue(due, DUE_TOKEN_SECONDS);
            Run healthy = measure(load, settings, port, valid, dueCalls, provider, 0);
            Run slow = measure(load, settings, port, valid, dueCalls, provider, settings.slowLatencyMs());
            BenchResults.SlowProvider result = new BenchResults.SlowProvider(settings.slowDue(), settings.slowLatencyMs(),
                    settings.slowRate(), healthy.valid(), slow.valid(), healthy.due(), slow.due(), slow.ready(),
                    slow.valid().p99() / healthy.valid().p99());
            out.printf("  valid access-token at %.0f/s, p50/p99/p999: healthy provider %.2f/%.2f/%.2f ms, %d errors;"
                    + " provider at %d ms %.2f/%.2f/%.2f ms, %d errors (p99 x%.2f); due calls answered %d of %d;"
                    + " health/ready errors %d%n", settings.slowRate(), healthy.valid().p50(), healthy.valid().p99(),
                    healthy.valid().p999(), healthy.valid().errors(), settings.slowLatencyMs(), slow.valid().p50(),
                    slow.valid().p99(), slow.valid().p999(), slow.valid().errors(), result.p99Ratio(), slow.due().ok(),
                    slow.due().ok() + slow.due().errors(), slow.ready().errors());
            return result;
        } finally {
            provider.latency(0);
            provider.tokenLifetime(BenchProvider.TOKEN_LIFETIME_SECONDS);
        }
    }

    /** Valid-token calls (measured) beside the due callers and a readiness probe, the provider at {@code latencyMs}. */
    private static Run measure(LoadGenerator load, BenchSettings settings, int port, Scenario valid, Scenario dueCalls,
            BenchProvider provider, long latencyMs) throws Exception {
        provider.latency(latencyMs);
        ExecutorService beside = Executors.newFixedThreadPool(2);
        try {
            int dueClients = settings.slowDue();
            Future<LoadResult> due = beside.submit(() -> load.openLoop("due access-token", dueCalls, dueClients,
                    dueClients, settings.slowWindow()));
            Future<LoadResult> ready = beside.submit(() -> load.openLoop("health/ready", Scenarios.healthReady(port), 2,
                    READY_RATE, settings.slowWindow()));
            LoadResult measured = load.openLoop("valid access-token", valid, VALID_CLIENTS, settings.slowRate(),
                    settings.slowWindow());
            return new Run(measured, due.get(), ready.get());
        } finally {
            beside.shutdownNow();
        }
    }

    private record Run(LoadResult valid, LoadResult due, LoadResult ready) {
    }
}
