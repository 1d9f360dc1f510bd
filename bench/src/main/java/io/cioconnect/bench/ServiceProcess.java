package io.cioconnect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a user runs it: {@code java -jar cio-connect.jar serve} in its own process, its output in a
 * log file. Stopping sends SIGTERM, so the service stops its embedded PostgreSQL itself.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final long spawnedAt;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, long spawnedAt, int port, Path log) {
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, int port, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_"));
        builder.environment().putAll(environment);
        long spawnedAt = System.nanoTime();
        Process process = builder.start();
        // For bench/run.sh's clean-up, and a hook for when this JVM is told to stop midway.
        Files.writeString(log.resolveSibling("service.pid"), Long.toString(process.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop-service"));
        return new ServiceProcess(process, spawnedAt, port, log);
    }

    /** The java that runs this harness also runs the service. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits for {@code /health/ready} to answer 200; the time from spawning the process until then. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
                if (connection.send("GET", "/health/ready", null).status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - spawnedAt);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory now and at its peak ({@code VmRSS}, {@code VmHWM} of /proc/pid/status), in KiB. */
    long[] residentKib() {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
        } catch (IOException e) {
            // process gone or no /proc: reported as -1
        }
        return new long[] {rss, hwm};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** SIGTERM, then waits for the graceful stop; SIGKILL only if it does not come. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
