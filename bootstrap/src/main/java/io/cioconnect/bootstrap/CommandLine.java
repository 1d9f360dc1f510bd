package io.cioconnect.bootstrap;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of SPEC §3: {@code dev}, {@code serve}, {@code migrate}, {@code rekey},
 * {@code generate-key}, each with {@code --help}. Output here is the CLI's own, so it goes to the streams.
 */
final class CommandLine {

    /** One command: what it is for, its help text, and what it does. */
    record Command(String summary, String help, Body body) {
    }

    /** Runs a command and returns the process exit code. */
    @FunctionalInterface
    interface Body {
        int run(Map<String, String> environment, PrintStream out, PrintStream err) throws Exception;
    }

    static final int OK = 0;
    static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandLine add(String name, Command command) {
        commands.put(name, command);
        return this;
    }

    int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? USAGE : OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("Unknown command '" + args[0].replaceAll("[^A-Za-z0-9_-]", "?") + "'.");
            err.print(usage());
            return USAGE;
        }
        if (args.length > 1 && isHelp(args[1])) {
            out.println("java -jar cio-connect.jar " + args[0]);
            out.println();
            out.println(command.help());
            return OK;
        }
        if (args.length > 1) {
            err.println("'" + args[0] + "' takes no arguments; it is configured through environment variables (see --help).");
            return USAGE;
        }
        return command.body().run(environment, out, err);
    }

    String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar cio-connect.jar <command>\n\nCommands:\n");
        commands.forEach((name, command) -> usage.append(String.format("  %-14s %s%n", name, command.summary())));
        usage.append("\nRun a command with --help for details. Configuration comes from environment variables.\n");
        return usage.toString();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
