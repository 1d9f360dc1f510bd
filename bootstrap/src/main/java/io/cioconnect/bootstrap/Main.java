package io.cioconnect.bootstrap;

import io.cioconnect.bootstrap.logging.Redactor;
import java.io.PrintStream;
import java.util.Map;

/** {@code java -jar cio-connect.jar <command>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
