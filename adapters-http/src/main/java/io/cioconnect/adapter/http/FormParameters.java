package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Strict reading of an {@code application/x-www-form-urlencoded} body: that content type only, each field
 * at most once and at most {@link QueryParameters#MAX_LENGTH} characters. A field given twice is an attack
 * or a bug, never something to guess about.
 */
final class FormParameters {

    private static final String FORM = "application/x-www-form-urlencoded";

    private FormParameters() {
    }

    /** 400 unless the request carries a form body. */
    static void requireForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw HttpProblem.badRequest("the request must be a submitted form");
        }
    }

    /** The field's only value, {@code null} when absent; 400 when repeated or too long. */
    static String atMostOnce(Context ctx, String name) {
        List<String> values = ctx.formParams(name);
        if (values.size() > 1) {
            throw HttpProblem.badRequest("form field '" + name + "' must not be repeated");
        }
        if (values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (value.length() > QueryParameters.MAX_LENGTH) {
            throw HttpProblem.badRequest("form field '" + name + "' is too long");
        }
        return value;
    }
}
