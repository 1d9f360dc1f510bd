package io.cioconnect.bootstrap.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold for every response, whatever was sent (docs/api.md, docs/security.md): no 5xx; every 4xx under
 * {@code /api} is {@code application/problem+json} with one of the stable codes; no stack trace; the
 * security headers; nothing reflected unescaped into a page; no credential where it does not belong.
 */
final class ResponseInvariants {

    static final Set<String> STABLE_CODES = Set.of("unauthorized", "not_found", "validation_failed",
            "reauthorization_required", "provider_unavailable", "rate_limited", "service_unavailable", "internal_error");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STACK_TRACE_MARKERS = List.of("Exception", "\tat ", "at io.", "at java.",
            "at org.", "at jdk.", "Caused by:");

    private ResponseInvariants() {
    }

    /** Each way the response breaks a rule; empty when it keeps them all. */
    static List<String> violations(Request request, Response response, List<String> forbiddenSecrets) {
        List<String> violations = new ArrayList<>();
        if (response.status() >= 500) {
            violations.add("answered " + response.status() + ": bad input must be a 4xx");
        }
        if (response.status() >= 400 && response.status() < 500 && request.path().startsWith("/api/")) {
            problemJson(response).ifPresent(violations::add);
        }
        String everything = response.everything();
        STACK_TRACE_MARKERS.stream().filter(everything::contains)
                .forEach(marker -> violations.add("looks like a stack trace: contains '" + marker + "'"));
        if (response.header("X-Content-Type-Options").isEmpty() || response.header("Content-Security-Policy").isEmpty()) {
            violations.add("lacks X-Content-Type-Options or Content-Security-Policy");
        }
        if (response.header("Content-Type").orElse("").startsWith("text/html")
                && response.text().toLowerCase(Locale.ROOT).contains("<script")) {
            violations.add("a page with a script in it: something was reflected unescaped");
        }
        forbiddenSecrets.stream().filter(everything::contains)
                .forEach(secret -> violations.add("shows a credential it must not: " + secret.substring(0, 6) + "..."));
        return violations;
    }

    private static Optional<String> problemJson(Response response) {
        String type = response.header("Content-Type").orElse("(none)");
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("a 4xx under /api must be application/problem+json, was " + type);
        }
        if (response.body().length == 0) {
            return Optional.empty(); // HEAD: the headers are all there is
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String code = body == null ? "" : body.path("code").asText("");
            return STABLE_CODES.contains(code) ? Optional.empty()
                    : Optional.of("problem without a stable code: " + code);
        } catch (IOException e) {
            return Optional.of("problem+json that is not JSON");
        }
    }
}
