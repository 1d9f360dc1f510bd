package io.cioconnect.bootstrap;

import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.VariableHelp;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code dev}, {@code serve}, {@code migrate}, {@code rekey}, {@code generate-key}, each
 * with {@code --help}, and {@code --version}. Output here is the CLI's own, so it goes to the streams.
 */
final class CommandLine {

    /**
     * One command: what it is for, its help text, the command whose variables it reads ({@code null}: none),
     * the options it takes, and what it does.
     */
    record Command(String summary, String help, Mode reads, Set<String> options, Body body) {

        Command(String summary, String help, Mode reads, Body body) {
            this(summary, help, reads, Set.of(), body);
        }
    }

    /** Runs a command with the options given, and returns the process exit code. */
    @FunctionalInterface
    interface Body {
        int run(Map<String, String> environment, Set<String> options, PrintStream out, PrintStream err) throws Exception;
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
        if (args[0].equals("--version")) {
            out.println("cio-connect " + Version.current());
            return OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("Unknown command '" + printable(args[0]) + "'.");
            err.print(usage());
            return USAGE;
        }
        if (args.length > 1 && isHelp(args[1])) {
            out.print(help(args[0], command));
            return OK;
        }
        Set<String> options = new LinkedHashSet<>(Arrays.asList(args).subList(1, args.length));
        if (!command.options().containsAll(options)) {
            err.println("'" + args[0] + "' takes " + (command.options().isEmpty() ? "no arguments"
                    : "only " + String.join(", ", command.options())) + "; it is configured through environment"
                    + " variables (see --help).");
            return USAGE;
        }
        return command.body().run(environment, options, out, err);
    }

    String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar cio-connect.jar <command>\n\nCommands:\n");
        commands.forEach((name, command) -> usage.append(String.format("  %-14s %s%n", name, command.summary())));
        usage.append("\nRun a command with --help for details, or --version. Configuration comes from environment"
                + " variables.\n");
        return usage.toString();
    }

    private static String help(String name, Command command) {
        String options = command.options().isEmpty() ? "" : " [" + String.join("] [", command.options()) + "]";
        return "java -jar cio-connect.jar " + name + options + "\n\n" + command.help() + "\n"
                + (command.reads() == null ? "" : "\n" + VariableHelp.forCommand(command.reads()));
    }

    private static String printable(String arg) {
        return arg.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
