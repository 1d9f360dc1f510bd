package io.cioconnect.adapter.http;

import io.javalin.http.Context;

/**
 * The query of {@code /oauth/{provider}/callback}, read strictly: each parameter at most once and at most
 * 2 KiB, a {@code state}, and exactly one of {@code code} and {@code error}. Anything else is a 400 before
 * the use case hears of it. {@code error_description} and {@code error_uri} are checked the same way but
 * never used: text a provider (or whoever forged the query) chose is never shown on our pages.
 */
record CallbackParameters(String state, String code, String error, String issuer) {

    static CallbackParameters of(Context ctx) {
        CallbackParameters params = new CallbackParameters(
                QueryParameters.atMostOnce(ctx, "state"),
                QueryParameters.atMostOnce(ctx, "code"),
                QueryParameters.atMostOnce(ctx, "error"),
                QueryParameters.atMostOnce(ctx, "iss"));
        QueryParameters.atMostOnce(ctx, "error_description");
        QueryParameters.atMostOnce(ctx, "error_uri");
        if (params.state == null || params.state.isBlank()) {
            throw HttpProblem.badRequest("the callback has no state");
        }
        if ((params.code == null) == (params.error == null)) {
            throw HttpProblem.badRequest("the callback must carry either a code or an error");
        }
        if (params.code != null && params.code.isBlank()) {
            throw HttpProblem.badRequest("the callback's code is empty");
        }
        return params;
    }

    @Override
    public String toString() {
        return "CallbackParameters[error=" + error + ", redacted]";
    }
}
