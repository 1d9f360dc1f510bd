package io.cioconnect.bootstrap.logging;

import java.util.regex.Pattern;

/**
 * The logs' safety net: masks anything that looks like a credential in a finished log line. Code never
 * logs secrets on purpose (secret types redact themselves); this catches what slips through, such as a
 * library logging a URL or a header.
 */
public final class Redactor {

    private static final String MASK = "[redacted]";
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(access_token|refresh_token|id_token|client_secret"
            + "|code_verifier|code|state|ticket|password|passwd|secret|api_key|apikey|token|authorization)"
            + "(\"?\\s*[:=]\\s*\"?)([^\"&\\s,;}]+)");
    private static final Pattern ENCRYPTION_KEY = Pattern.compile("\\b([A-Za-z0-9._-]{1,32}):[A-Za-z0-9+/]{42,43}=");

    private Redactor() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String masked = BEARER.matcher(line).replaceAll("$1$2" + MASK);
        masked = NAMED.matcher(masked).replaceAll("$1$2" + MASK);
        return ENCRYPTION_KEY.matcher(masked).replaceAll("$1:" + MASK);
    }
}
