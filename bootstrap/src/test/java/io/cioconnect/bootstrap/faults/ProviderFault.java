package io.cioconnect.bootstrap.faults;

import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;

/** Ways a provider's token endpoint fails that must never cost a connection its grant (docs/refresh.md). */
enum ProviderFault {

    /** Headers come long after the service's request timeout (1 s for this provider). */
    TIMEOUT("timeout", "answer within 1000 ms", () -> new MockResponse.Builder()
            .headersDelay(4, TimeUnit.SECONDS).code(200).body("{}").build()),
    SERVER_ERROR("http-500", "HTTP 500", () -> new MockResponse.Builder()
            .code(500).setHeader("Content-Type", "text/plain").body("Internal Server Error").build()),
    /** Longer than the client waits between retries, so it gives up at once and passes the wait on. */
    RATE_LIMITED("http-429", "HTTP 429", () -> new MockResponse.Builder()
            .code(429).setHeader("Retry-After", "90").body("slow down").build()),
    /** A provider asking for 31 years of patience: the host is told five minutes at most. */
    ABSURD_RETRY_AFTER("http-503-forever", "HTTP 503", () -> new MockResponse.Builder()
            .code(503).setHeader("Retry-After", "999999999").body("come back in 2057").build()),
    /** A maintenance page from a proxy in front of the provider, with a 200. */
    HTML_PAGE("html", "HTML", () -> new MockResponse.Builder().code(200)
            .setHeader("Content-Type", "text/html").body("<!DOCTYPE html><html><body>Maintenance</body></html>").build()),
    /** A token response cut off in the middle. */
    TRUNCATED_JSON("truncated-json", "not a JSON object", () -> ScriptedProvider.json(200,
            "{\"access_token\":\"at-cut-short\",\"token_type\":\"Bea"));

    final String providerId;
    final String lastErrorSays;
    private final Supplier<MockResponse> answer;

    ProviderFault(String providerId, String lastErrorSays, Supplier<MockResponse> answer) {
        this.providerId = providerId;
        this.lastErrorSays = lastErrorSays;
        this.answer = answer;
    }

    MockResponse answer() {
        return answer.get();
    }

    /** The Retry-After the service passes on for an expired token, when this fault names one (capped at 300 s). */
    String retryAfter() {
        return switch (this) {
            case RATE_LIMITED -> "90";
            case ABSURD_RETRY_AFTER -> "300";
            default -> null;
        };
    }
}
