package io.cioconnect.devsandbox;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} parameters, from a query string or a request body, read the
 * way RFC 6749 §3.1 asks: a parameter given twice is an error and an empty one counts as absent.
 * Parsed here rather than by Javalin so that malformed percent-encoding is a 400, never a 500.
 */
final class FormParameters {

    private static final int MAX_PARAMETERS = 50;

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormParameters ofQuery(Context ctx) {
        return parse(ctx.queryString());
    }

    /** The body of a POST, which must be declared as a form. */
    static FormParameters ofBody(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim()
                .startsWith("application/x-www-form-urlencoded")) {
            throw OAuthProblem.invalidRequest("the body must be application/x-www-form-urlencoded");
        }
        return parse(ctx.body());
    }

    static FormParameters parse(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new FormParameters(values);
        }
        String[] pairs = raw.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw OAuthProblem.invalidRequest("too many parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new FormParameters(values);
    }

    /** The value of a parameter that must be present exactly once. */
    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw OAuthProblem.invalidRequest("missing parameter " + name);
        }
        return value;
    }

    /** The value of a parameter that may be absent (or empty), or {@code null}. */
    String optional(String name) {
        List<String> given = values.getOrDefault(name, List.of()).stream().filter(value -> !value.isEmpty()).toList();
        if (given.size() > 1) {
            throw OAuthProblem.invalidRequest("parameter " + name + " is given more than once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidRequest("malformed percent-encoding");
        }
    }
}
