package io.cioconnect.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The packaged jar run as a separate process, its output collected line by line. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "cio-connect.jar");

    private final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    static JarProcess start(Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first "
                    + "(./mvnw verify builds it before the integration tests)");
        }
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("TEST_DATABASE"));
        builder.environment().putAll(environment);
        return new JarProcess(builder.start());
    }

    /** The first line containing {@code marker}, waiting for it up to {@code timeout}. */
    String awaitLine(String marker, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast("the process ended early:\n" + String.join("\n", output), () -> !process.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.contains(marker)));
        return output.stream().filter(line -> line.contains(marker)).findFirst().orElseThrow();
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not stop within " + timeout + " after SIGTERM");
        }
        return process.exitValue();
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + ":\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("[output closed: " + e.getMessage() + "]");
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
