package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strict reading of query parameters: a parameter given twice is an attack or a bug, never something to
 * guess about (which copy would the provider, a proxy, or we have read?).
 */
final class QueryParameters {

    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

    /** Long enough for any code, state, ticket or issuer we have seen; short enough to refuse garbage. */
    static final int MAX_LENGTH = 2048;

    private QueryParameters() {
    }

    /** The parameter's only value, {@code null} when absent; 400 when repeated or too long. */
    static String atMostOnce(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw HttpProblem.badRequest("query parameter '" + name + "' must not be repeated");
        }
        if (values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (value.length() > MAX_LENGTH) {
            throw HttpProblem.badRequest("query parameter '" + name + "' is too long");
        }
        return value;
    }

    /**
     * A listing's {@code limit}: digits only (no sign, no spaces), 400 otherwise. Its range is the listing
     * query's to check, so that it refuses {@code 0} and anything over {@code max} with its own words.
     */
    static int limit(String value, int max) {
        if (!LIMIT.matcher(value).matches()) {
            throw HttpProblem.badRequest("limit must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(value);
    }
}
