package io.cioconnect.adapter.customerio;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Makes provider-supplied text fit for a failure detail: printable, short, and without any secret we
 * sent (a provider may quote the code or token back) or anything that looks like a token.
 */
final class SafeText {

    static final String REDACTED = "[redacted]";
    private static final int MAX_DESCRIPTION = 120;
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+/=-]{24,}");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7E]+");
    private static final Pattern NOT_CODE = Pattern.compile("[^A-Za-z0-9_.-]");

    private SafeText() {
    }

    /** A short identifier such as an OAuth error code or a token type: safe characters only, at most 40. */
    static String code(String raw) {
        String cleaned = NOT_CODE.matcher(raw).replaceAll("");
        return cleaned.isEmpty() ? "unnamed" : cleaned.substring(0, Math.min(cleaned.length(), 40));
    }

    /** A human-readable description, cleaned of {@code secrets} and token-like strings, at most 120 characters. */
    static String description(String raw, Collection<String> secrets) {
        String text = raw;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, REDACTED);
            }
        }
        text = NOT_PRINTABLE.matcher(text).replaceAll(" ");
        text = TOKEN_LIKE.matcher(text).replaceAll(REDACTED).strip();
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }
}
