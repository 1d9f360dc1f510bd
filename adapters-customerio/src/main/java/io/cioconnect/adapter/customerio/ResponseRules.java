package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What a provider's answer means before any token is looked at (RFC 6749 §5.2, RFC 7009 §2.2): redirects,
 * 429, 5xx and OAuth error objects become failures; only a 2xx without an {@code error} member passes.
 */
final class ResponseRules {

    private ResponseRules() {
    }

    /** The failure this answer stands for, or empty when it is a 2xx that carries no OAuth error. */
    static Optional<ProviderFailure> failure(ProviderResponse response, Optional<ObjectNode> json,
            Instant now, Collection<String> secrets) {
        int status = response.status();
        if (status >= 300 && status < 400) {
            return fail(Kind.INVALID_RESPONSE, "answered HTTP " + status + "; redirects are never followed");
        }
        if (status == 429) {
            return Optional.of(new ProviderFailure(Kind.RATE_LIMITED, "HTTP 429", retryAfter(response, now)));
        }
        if (status >= 500 || status == 408) {
            return Optional.of(new ProviderFailure(Kind.UNAVAILABLE, "HTTP " + status, retryAfter(response, now)));
        }
        if (json.isPresent() && json.get().has("error")) {
            return Optional.of(oauthError(json.get(), status, secrets));
        }
        if (status == 401) {
            return fail(Kind.INVALID_CLIENT, "HTTP 401 without an OAuth error object");
        }
        if (status >= 400) {
            return fail(Kind.REJECTED, "HTTP " + status + " without an OAuth error object");
        }
        if (!response.isSuccess()) {
            return fail(Kind.INVALID_RESPONSE, "unexpected HTTP status " + status);
        }
        return Optional.empty();
    }

    /** RFC 6749 §5.2's error codes, told apart where the application reacts differently to each. */
    private static ProviderFailure oauthError(ObjectNode json, int status, Collection<String> secrets) {
        Optional<String> code = Json.text(json, "error");
        if (code.isEmpty()) {
            return ProviderFailure.of(Kind.REJECTED, "HTTP " + status + " with a malformed error object");
        }
        Kind kind = switch (code.get()) {
            case "invalid_grant" -> Kind.INVALID_GRANT;
            case "invalid_client" -> Kind.INVALID_CLIENT;
            case "unauthorized_client" -> Kind.UNAUTHORIZED_CLIENT;
            case "temporarily_unavailable", "server_error" -> Kind.UNAVAILABLE;
            default -> Kind.REJECTED;
        };
        String detail = SafeText.code(code.get()) + " (HTTP " + status + ")"
                + Json.text(json, "error_description")
                        .map(text -> SafeText.description(text, secrets))
                        .filter(text -> !text.isEmpty())
                        .map(text -> ": " + text)
                        .orElse("");
        return ProviderFailure.of(kind, detail);
    }

    private static Duration retryAfter(ProviderResponse response, Instant now) {
        return response.header("Retry-After").flatMap(value -> RetryAfter.parse(value, now)).orElse(null);
    }

    private static Optional<ProviderFailure> fail(Kind kind, String detail) {
        return Optional.of(ProviderFailure.of(kind, detail));
    }
}
