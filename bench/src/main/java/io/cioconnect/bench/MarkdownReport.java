package io.cioconnect.bench;

import java.util.Locale;
import java.util.Map;

/** Renders {@link BenchResults} as the Markdown tables printed at the end of a run and kept in {@code bench/results/}. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(BenchResults r) {
        StringBuilder md = new StringBuilder();
        md.append("# cio-connect benchmark, ").append(r.startedAt()).append("\n\n");
        Map<String, Object> m = r.machine();
        md.append("Machine: ").append(m.get("nproc")).append(" cores (").append(m.get("cpu")).append("), ")
                .append(m.get("memory_gib")).append(" GiB, ").append(m.get("os")).append(", ").append(m.get("java"))
                .append(". Everything on this one machine over loopback: service, its embedded PostgreSQL, the provider")
                .append(" and the load generator. Latencies in ms; open-loop latencies count from each request's")
                .append(" intended send time. Load average (1/5/15 min) at start ").append(m.get("load_average_at_start"))
                .append(", at end ").append(m.get("load_average_at_end"))
                .append("; above 0 before the run means other work shared the cores.\n\n");

        md.append("## Start-up and memory\n\n| measure | value |\n| --- | --- |\n");
        row(md, "first start to ready (initdb + migrations)", r.startup().firstStartMs() + " ms");
        row(md, "restart to ready (existing data, embedded PostgreSQL started again)", r.startup().restartMs() + " ms");
        row(md, "start to ready against a running database (external `DATABASE_URL`)",
                r.startup().externalDatabaseMs() + " ms (CPU time used: " + r.startup().externalDatabaseCpuMs() + " ms)");
        row(md, "RSS idle after start", f(r.memory().idleMiB()) + " MiB");
        row(md, "RSS under the access-token load (highest sample)", f(r.memory().underLoadMiB()) + " MiB");
        row(md, "RSS after all the load", f(r.memory().afterLoadMiB()) + " MiB");
        row(md, "RSS peak (VmHWM)", f(r.memory().peakMiB()) + " MiB");

        md.append("\n## access-token beside health/live, wrk\n\n")
                .append("Closed loop with `wrk -t2`, the two endpoints taking turns (two rounds each) at each level; access-token for")
                .append(" valid tokens over ").append(WrkPhase.CONNECTIONS).append(" stored connections. Goals: req/s")
                .append(" ratio at least 0.5, p99 ratio at most 1.5.\n\n")
                .append("| clients | health/live req/s | access-token req/s | req/s ratio | health/live p50 / p99 |")
                .append(" access-token p50 / p99 | p99 ratio | CPU ms per request, health/live (service + PostgreSQL) |")
                .append(" CPU ms per request, access-token | errors |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (BenchResults.WrkLevel level : r.wrk()) {
            md.append("| ").append(level.clients()).append(" | ").append(f0(level.health().ratePerSecond())).append(" | ")
                    .append(f0(level.token().ratePerSecond())).append(" | ").append(f(level.rateRatio())).append("x | ")
                    .append(f(level.health().p50Ms())).append(" / ").append(f(level.health().p99Ms())).append(" | ")
                    .append(f(level.token().p50Ms())).append(" / ").append(f(level.token().p99Ms())).append(" | ")
                    .append(f(level.p99Ratio())).append("x | ").append(cpu(level.healthCpu())).append(" | ")
                    .append(cpu(level.tokenCpu())).append(" | ").append(level.health().errors() + level.token().errors())
                    .append(" |\n");
        }

        md.append("\n## access-token, ").append(r.settings().connections()).append(" stored connections\n\n")
                .append("Capacity: closed loop, each client sends its next request when the last returns. Latency: open")
                .append(" loop at ").append(Math.round(r.settings().openLoopShare() * 100))
                .append(" % of access-token's capacity, the same rate for both endpoints.\n\n")
                .append("| clients | health/live req/s | access-token req/s | open-loop rate | health/live p50 / p99 / p999 |")
                .append(" access-token p50 / p99 / p999 | health/live CPU ms per request (service + PostgreSQL) |")
                .append(" access-token CPU ms per request (service + PostgreSQL) | errors |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (BenchResults.AccessTokenLevel level : r.accessToken()) {
            md.append("| ").append(level.clients()).append(" | ").append(f0(level.healthCapacity().ratePerSecond()))
                    .append(" | ").append(f0(level.tokenCapacity().ratePerSecond())).append(" | ")
                    .append(f0(level.openLoopRate())).append("/s | ").append(pcts(level.healthOpenLoop())).append(" | ")
                    .append(pcts(level.tokenOpenLoop())).append(" | ").append(cpu(level.healthCpuPerRequest()))
                    .append(" | ").append(cpu(level.tokenCpuPerRequest())).append(" | ").append(errors(level.healthCapacity(),
                            level.tokenCapacity(), level.healthOpenLoop(), level.tokenOpenLoop())).append(" |\n");
        }

        BenchResults.ConnectFlow flow = r.connectFlow();
        md.append("\n## Connect flow (create session, start, provider, callback)\n\n")
                .append(flow.clients()).append(" concurrent browsers; provider token endpoint latency ")
                .append(flow.providerLatencyMs()).append(" ms.\n\n| measure | value |\n| --- | --- |\n");
        row(md, "flows per second (closed loop)", f0(flow.flowCapacity().ratePerSecond()));
        row(md, "CPU ms per flow, service + PostgreSQL", cpu(flow.cpuPerFlow()));
        row(md, "health/live req/s at the same clients (closed loop)", f0(flow.healthCapacity().ratePerSecond()));
        row(md, "flow latency p50 / p99 / p999 at " + f0(flow.openLoopFlowRate()) + " flows/s (open loop)",
                pcts(flow.flowOpenLoop()));
        row(md, "health/live p50 / p99 / p999 at " + f0(flow.healthOpenLoop().targetRate()) + " req/s (open loop)",
                pcts(flow.healthOpenLoop()));
        flow.steps().forEach((step, p) -> row(md, step + " p50 / p99", f(p[0]) + " / " + f(p[1])));
        row(md, "errors", Long.toString(errors(flow.flowCapacity(), flow.healthCapacity(), flow.flowOpenLoop(),
                flow.healthOpenLoop())));

        BenchResults.RefreshSweep sweep = r.refreshSweep();
        md.append("\n## Refresh sweep\n\n").append(sweep.due()).append(" connections due at once; provider latency ")
                .append(sweep.providerLatencyMs()).append(" ms.\n\n| measure | value |\n| --- | --- |\n");
        row(md, "refreshed", Long.toString(sweep.refreshed()));
        row(md, "time to finish (due → last refresh)", f(sweep.secondsToFinish()) + " s");
        row(md, "refreshes per second", f(sweep.refreshesPerSecond()));
        row(md, "duplicate refreshes (same refresh token presented twice)", Long.toString(sweep.duplicateRefreshes()));
        row(md, "refused refreshes (invalid_grant)", Long.toString(sweep.refusedRefreshes()));
        row(md, "in the database afterwards: active and fresh / not active",
                sweep.activeAndFreshInDatabase() + " / " + sweep.notActiveInDatabase());
        row(md, "CPU ms per refresh, service + PostgreSQL (the provider not included)", cpu(sweep.cpuPerRefresh()));
        row(md, "health/live p50 / p99 / p999 during the sweep (" + f0(sweep.healthDuringSweep().targetRate())
                + " req/s)", pcts(sweep.healthDuringSweep()));

        BenchResults.SlowProvider slow = r.slowProvider();
        md.append("\n## Slow provider\n\n").append(slow.due()).append(" connections kept due and called at ")
                .append(slow.due()).append(" req/s; valid-token access-token at ").append(f0(slow.rate()))
                .append(" req/s (open loop), first with the provider answering at once, then after ")
                .append(slow.providerLatencyMs()).append(" ms.\n\n| measure | healthy provider | slow provider |\n")
                .append("| --- | --- | --- |\n");
        md.append("| valid access-token p50 / p99 / p999 | ").append(pcts(slow.validHealthy())).append(" | ")
                .append(pcts(slow.validSlow())).append(" |\n");
        md.append("| valid access-token errors | ").append(slow.validHealthy().errors()).append(" | ")
                .append(slow.validSlow().errors()).append(" |\n");
        md.append("| due access-token: answered 200 / not | ").append(slow.dueHealthy().ok()).append(" / ")
                .append(slow.dueHealthy().errors()).append(" | ").append(slow.dueSlow().ok()).append(" / ")
                .append(slow.dueSlow().errors()).append(" |\n");
        md.append("| valid access-token p99, slow over healthy | | ").append(f(slow.p99Ratio())).append("x |\n");
        md.append("| health/ready errors (").append(f0(slow.readySlow().targetRate())).append(" req/s) | | ")
                .append(slow.readySlow().errors()).append(" |\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String pcts(LoadResult result) {
        return f(result.p50()) + " / " + f(result.p99()) + " / " + f(result.p999());
    }

    private static String cpu(CpuMeter.CpuTimes times) {
        return String.format(Locale.ROOT, "%.3f + %.3f", times.serviceMs(), times.databaseMs());
    }

    private static long errors(LoadResult... results) {
        long errors = 0;
        for (LoadResult result : results) {
            errors += result.errors();
        }
        return errors;
    }

    private static String f(double value) {
        return value >= 100 ? f0(value) : String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
