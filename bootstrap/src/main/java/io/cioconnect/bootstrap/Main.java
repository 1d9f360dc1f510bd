package io.cioconnect.bootstrap;

import io.cioconnect.bootstrap.logging.Redactor;
import java.io.PrintStream;
import java.util.Map;

/** {@code java -jar cio-connect.jar <command>}. */
public final class Main {

    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private Main() {
    }

    public static void main(String[] args) {
        giveTheCommonPoolTwoThreads();
        int exitCode;
        try {
            exitCode = run(args, System.getenv(), System.out, System.err);
        } catch (Exception e) {
            System.err.println("cio-connect could not run: " + describe(e));
            exitCode = 1;
        }
        if (exitCode != Commands.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    /**
     * The JDK HttpClient finishes every {@code sendAsync} on CompletableFuture's default executor, which is a new
     * thread per task while the common pool has fewer than two threads (the default on one or two cores): one
     * thread started and stopped per provider call, more CPU than the call itself. Two threads avoid that. It must
     * be set before anything uses CompletableFuture; an operator's own setting wins.
     */
    static void giveTheCommonPoolTwoThreads() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /** One line for an operator: the innermost cause says what is really wrong (database down, port taken). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return Redactor.redact(root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        return Commands.commandLine().run(args, environment, out, err);
    }
}
