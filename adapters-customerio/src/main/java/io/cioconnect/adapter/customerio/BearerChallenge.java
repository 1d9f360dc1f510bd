package io.cioconnect.adapter.customerio;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of the {@code Bearer} challenge in {@code WWW-Authenticate} headers (RFC 9110 §11.6.1,
 * RFC 6750 §3): {@code resource_metadata} (RFC 9728 §5.1) and {@code scope}. Several challenges may share a
 * header; names are case-insensitive; values are tokens or quoted strings. A malformed part is skipped.
 */
final class BearerChallenge {

    private final String header;
    private int at;

    private BearerChallenge(String header) {
        this.header = header;
    }

    /** The parameters of the first Bearer challenge among the headers, names in lower case. */
    static Optional<Map<String, String>> of(List<String> headers) {
        for (String header : headers) {
            Optional<Map<String, String>> bearer = new BearerChallenge(header).bearer();
            if (bearer.isPresent()) {
                return bearer;
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, String>> bearer() {
        Map<String, String> parameters = null;
        String scheme = null;
        while (skipSeparators()) {
            String token = token();
            if (token.isEmpty()) {
                return Optional.ofNullable(parameters);
            }
            skipSpaces();
            if (at < header.length() && header.charAt(at) == '=' && scheme != null) {
                at++;
                skipSpaces();
                String value = value();
                if (value == null) {
                    skipPast(','); // a token68 (Basic's credentials) or a broken value: on to the next part
                    continue;
                }
                if (parameters != null) {
                    parameters.putIfAbsent(token.toLowerCase(Locale.ROOT), value);
                }
            } else if (parameters != null) {
                return Optional.of(parameters); // the next challenge starts: the Bearer one is complete
            } else {
                scheme = token;
                parameters = scheme.equalsIgnoreCase("Bearer") ? new HashMap<>() : null;
            }
        }
        return Optional.ofNullable(parameters);
    }

    private boolean skipSeparators() {
        while (at < header.length() && ", \t".indexOf(header.charAt(at)) >= 0) {
            at++;
        }
        return at < header.length();
    }

    private void skipPast(char separator) {
        while (at < header.length() && header.charAt(at++) != separator) {
            // nothing: the characters up to the separator are dropped
        }
    }

    private void skipSpaces() {
        while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
            at++;
        }
    }

    /** RFC 9110 §5.6.2 tchar. */
    private String token() {
        int start = at;
        while (at < header.length() && isTokenChar(header.charAt(at))) {
            at++;
        }
        return header.substring(start, at);
    }

    private String value() {
        if (at >= header.length()) {
            return null;
        }
        if (header.charAt(at) != '"') {
            String token = token();
            return token.isEmpty() ? null : token;
        }
        StringBuilder value = new StringBuilder();
        for (at++; at < header.length(); at++) {
            char c = header.charAt(at);
            if (c == '"') {
                at++;
                return value.toString();
            }
            if (c == '\\' && at + 1 < header.length()) {
                c = header.charAt(++at);
            }
            value.append(c);
        }
        return null; // unterminated
    }

    private static boolean isTokenChar(char c) {
        return c < 127 && c > 32 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
