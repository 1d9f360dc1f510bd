package io.cioconnect.bootstrap.badinput;

/** Text made safe for a failure message: control and non-ASCII characters escaped, long text cut. */
final class Printable {

    private Printable() {
    }

    /** At most {@code maxLength} characters, each line cut to 240 so one huge value cannot hide the rest. */
    static String of(String text, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() >= maxLength) {
                return out + "... (" + text.length() + " characters in all)";
            }
            out.append(escape(line.length() <= 240 ? line : line.substring(0, 240) + "...(" + line.length() + ")")).append('\n');
        }
        return out.toString();
    }

    private static String escape(String line) {
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
