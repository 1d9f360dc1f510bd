package io.cioconnect.bootstrap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Environment variables" part of a command's {@code --help}, written from the declarations in
 * {@link Variable} and {@link ProviderVariable}: a variable declared there is listed by every command that
 * reads it, with the default that command uses.
 */
public final class VariableHelp {

    private static final int NAME_WIDTH = 32;
    private static final int WIDTH = 110;

    private VariableHelp() {
    }

    public static String forCommand(Mode mode) {
        StringBuilder help = new StringBuilder("Environment variables (each may instead be given as <NAME>_FILE, the path"
                + " of a file holding its value;\na blank value counts as unset; durations read 90s, 5m, 1h, 1d, 250ms"
                + " or PT90S):\n");
        for (Variable variable : Variable.values()) {
            if (variable.scope().includes(mode)) {
                entry(help, variable.name(), variable.meaning(), variable.byDefault().describe(mode));
            }
        }
        if (Scope.SERVERS.includes(mode)) {
            help.append("\nFor each provider in PROVIDERS (<ID>: its id in upper case, '-' as '_', e.g. CUSTOMERIO):\n");
            for (ProviderVariable variable : ProviderVariable.values()) {
                entry(help, variable.template(), variable.meaning(), variable.describeDefault());
            }
        }
        return help.toString();
    }

    private static void entry(StringBuilder help, String name, String meaning, String byDefault) {
        List<String> lines = wrap(meaning + " [default: " + byDefault + "]", WIDTH - NAME_WIDTH - 2);
        help.append(String.format("  %-" + NAME_WIDTH + "s%s%n", name, lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            help.append(" ".repeat(NAME_WIDTH + 2)).append(line).append(System.lineSeparator());
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
