package io.cioconnect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One whole benchmark run: starts the provider and the service ({@code serve}, embedded PostgreSQL in a
 * fresh {@code DATA_DIR}), seeds, measures every phase, restarts the service for the restart time, and
 * writes the results. Everything listens on loopback; everything it starts is stopped before it returns.
 */
final class BenchRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path jar;
    private final Path workDir;
    private final Path resultsDir;
    private final BenchSettings settings;
    private final PrintStream out;

    BenchRun(Path jar, Path workDir, Path resultsDir, BenchSettings settings, PrintStream out) {
        this.jar = jar;
        this.workDir = workDir;
        this.resultsDir = resultsDir;
        this.settings = settings;
        this.out = out;
    }

    BenchResults run() throws Exception {
        LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);
        Map<String, Object> machine = MachineInfo.describe();
        String apiKey = randomKey();
        int port = freePort();
        Path dataDir = workDir.resolve("data");
        Path log = workDir.resolve("service.log");
        LoadGenerator load = new LoadGenerator("127.0.0.1");
        try (BenchProvider provider = new BenchProvider()) {
            String encryptionKeys = GenerateKey.run(jar);
            Map<String, String> environment = environment(port, apiKey, encryptionKeys, dataDir, provider);
            out.println("Service log: " + log);
            BenchResults.Startup startup;
            BenchResults.Memory memory;
            List<BenchResults.WrkLevel> wrk;
            List<BenchResults.AccessTokenLevel> accessToken;
            BenchResults.ConnectFlow connectFlow;
            BenchResults.RefreshSweep sweep;
            BenchResults.SlowProvider slow;
            long firstStart;
            long[] externalStart;
            try (ServiceProcess service = ServiceProcess.start(jar, settings.serviceJvmOptions(), environment, port, log)) {
                firstStart = service.awaitReady(READY_TIMEOUT).toMillis();
                out.println("Ready after " + firstStart + " ms (first start: initdb and migrations)");
                Thread.sleep(2000);
                double idle = service.residentKib()[0] / 1024.0;
                String jdbcUrl = "jdbc:postgresql://127.0.0.1:"
                        + Files.readString(dataDir.resolve("postgres.port")).strip() + "/postgres";
                long seeding = System.nanoTime();
                List<UUID> ids = Seeder.seed(jdbcUrl, encryptionKeys, provider, settings.connections());
                out.printf("Seeded %d connections in %.1f s%n", ids.size(), (System.nanoTime() - seeding) / 1e9);
                CpuMeter cpu = new CpuMeter(service.pid(), dataDir.resolve("postgres").resolve("postmaster.pid"));
                double underLoad;
                try (RssSampler sampler = new RssSampler(service)) {
                    out.println("access-token beside health/live, wrk:");
                    wrk = WrkPhase.run(settings, workDir, port, apiKey, ids, cpu, out);
                    out.println("access-token beside health/live, Java generator (open-loop latency):");
                    accessToken = AccessTokenPhase.run(load, settings, port, apiKey, ids, cpu, out);
                    underLoad = sampler.highestKib() / 1024.0;
                }
                out.println("Connect flow:");
                connectFlow = ConnectFlowPhase.run(load, settings, port, apiKey, provider, cpu, out);
                out.println("Refresh sweep:");
                sweep = RefreshSweepPhase.run(load, settings, port, provider, new SweepFixture(jdbcUrl), ids, cpu, out);
                out.println("Slow provider:");
                slow = SlowProviderPhase.run(load, settings, port, apiKey, ids, provider, new SweepFixture(jdbcUrl), out);
                long[] afterLoad = service.residentKib();
                memory = new BenchResults.Memory(idle, underLoad, afterLoad[0] / 1024.0, afterLoad[1] / 1024.0);
                out.printf("RSS idle %.0f MiB, highest under access-token load %.0f MiB, after all the load %.0f MiB,"
                        + " peak %.0f MiB%n", idle, underLoad, memory.afterLoadMiB(), memory.peakMiB());
                externalStart = startAgainst(jdbcUrl, environment, log);
            }
            try (ServiceProcess service = ServiceProcess.start(jar, settings.serviceJvmOptions(), environment, port, log)) {
                long restart = service.awaitReady(READY_TIMEOUT).toMillis();
                out.println("Restarted and ready after " + restart + " ms");
                startup = new BenchResults.Startup(firstStart, restart, externalStart[0], externalStart[1]);
            }
            machine.put("load_average_at_end", MachineInfo.loadAverage());
            BenchResults results = new BenchResults(started.toString() + "Z", machine, settings, startup,
                    memory, wrk, accessToken, connectFlow, sweep, slow);
            write(results, started);
            return results;
        }
    }

    /**
     * Starts a second instance against the first one's PostgreSQL, already running, as with an external
     * {@code DATABASE_URL}: the start-up a deployment sees. Returns its time to ready and the CPU time it used
     * until then, and stops it.
     */
    private long[] startAgainst(String jdbcUrl, Map<String, String> environment, Path log) throws Exception {
        Map<String, String> external = new LinkedHashMap<>(environment);
        external.remove("DATA_DIR");
        external.put("DATABASE_URL", jdbcUrl.replace("jdbc:postgresql://", "postgresql://postgres@"));
        int port = freePort();
        external.put("PORT", Integer.toString(port));
        external.put("PUBLIC_BASE_URL", "http://localhost:" + port);
        try (ServiceProcess second = ServiceProcess.start(jar, settings.serviceJvmOptions(), external, port,
                log.resolveSibling("service-external.log"))) {
            long ready = second.awaitReady(READY_TIMEOUT).toMillis();
            long cpu = Math.round(new CpuMeter(second.pid(), workDir.resolve("none")).now().serviceMs());
            out.println("A second instance against the running database was ready after " + ready + " ms, having used "
                    + cpu + " ms of CPU");
            return new long[] {ready, cpu};
        }
    }

    private Map<String, String> environment(int port, String apiKey, String encryptionKeys, Path dataDir,
            BenchProvider provider) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("DATA_DIR", dataDir.toString());
        env.put("API_KEYS", "bench:" + apiKey);
        env.put("ENCRYPTION_KEYS", encryptionKeys);
        env.put("PROVIDERS", "benchidp");
        env.put("BENCHIDP_CLIENT_ID", BenchProvider.CLIENT_ID);
        env.put("BENCHIDP_CLIENT_SECRET", BenchProvider.CLIENT_SECRET);
        env.put("BENCHIDP_AUTHORIZE_URL", provider.baseUrl() + "/authorize");
        env.put("BENCHIDP_TOKEN_URL", provider.baseUrl() + "/token");
        env.put("BENCHIDP_SCOPES", "read");
        env.put("BENCHIDP_RATE_LIMIT", "0");
        env.put("API_RATE_LIMIT", "0");
        env.put("BROWSER_RATE_LIMIT", "0");
        // The sweep starts within a second of the connections becoming due, so its timing is the refresher's own.
        env.put("REFRESH_INTERVAL", "1s");
        return env;
    }

    private void write(BenchResults results, LocalDateTime started) throws IOException {
        Files.createDirectories(resultsDir);
        String name = "results-" + FILE_TIME.format(started);
        String markdown = MarkdownReport.render(results);
        Files.writeString(resultsDir.resolve(name + ".md"), markdown);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(resultsDir.resolve(name + ".json").toFile(), results);
        out.println();
        out.println(markdown);
        out.println("Written to " + resultsDir.resolve(name + ".md") + " and .json");
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
