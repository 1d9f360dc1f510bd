package io.cioconnect.bootstrap;

import java.io.PrintStream;
import java.util.Map;

/** {@code java -jar cio-connect.jar <command>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int exitCode = run(args, System.getenv(), System.out, System.err);
        if (exitCode != Commands.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        return Commands.commandLine().run(args, environment, out, err);
    }
}
