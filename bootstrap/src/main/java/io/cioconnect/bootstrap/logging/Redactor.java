package io.cioconnect.bootstrap.logging;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The logs' safety net: masks anything that looks like a credential in a finished log line or stack
 * trace. Code never logs secrets on purpose (secret types redact themselves); this catches what slips
 * through, such as a library logging a URL or a header. Every line passes through here, so a cheap scan
 * first decides which of the patterns could match at all; most lines need none of them.
 */
public final class Redactor {

    private static final String MASK = "[redacted]";
    private static final List<String> NAMES = List.of("access_token", "refresh_token", "id_token", "client_secret",
            "code_verifier", "code", "state", "ticket", "password", "passwd", "secret", "api_key", "apikey", "token",
            "authorization");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(" + String.join("|", NAMES) + ")"
            + "(\"?\\s*[:=]\\s*\"?)([^\"&\\s,;}]+)");
    private static final Pattern ENCRYPTION_KEY = Pattern.compile("\\b([A-Za-z0-9._-]{1,32}):[A-Za-z0-9+/]{42,43}=");

    private Redactor() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String masked = line;
        if (contains(masked, "bearer") || contains(masked, "basic")) {
            masked = BEARER.matcher(masked).replaceAll("$1$2" + MASK);
        }
        if (hasNamedValue(masked)) {
            masked = NAMED.matcher(masked).replaceAll("$1$2" + MASK);
        }
        if (masked.indexOf(':') >= 0 && masked.indexOf('=') >= 0) {
            masked = ENCRYPTION_KEY.matcher(masked).replaceAll("$1:" + MASK);
        }
        return masked;
    }

    /** Every pattern, no pre-check: what {@link #redact} must always agree with. */
    static String redactWithEveryPattern(String line) {
        String masked = BEARER.matcher(line).replaceAll("$1$2" + MASK);
        masked = NAMED.matcher(masked).replaceAll("$1$2" + MASK);
        return ENCRYPTION_KEY.matcher(masked).replaceAll("$1:" + MASK);
    }

    /** True when some {@code :} or {@code =} follows one of the names (past an optional quote and spaces). */
    private static boolean hasNamedValue(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ':' && c != '=') {
                continue;
            }
            int end = i;
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            if (end > 0 && line.charAt(end - 1) == '"') {
                end--;
            }
            for (String name : NAMES) {
                if (end >= name.length() && line.regionMatches(true, end - name.length(), name, 0, name.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String line, String word) {
        for (int i = 0; i + word.length() <= line.length(); i++) {
            if (line.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
