package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each stable error code is answered with its one status, whichever use case raises it. */
class ProblemMappingTest {

    private final AtomicReference<DomainException> failure = new AtomicReference<>();
    private final TestServer server = TestServer.start(useCases -> new HttpUseCases(useCases.createConnectSession(),
            useCases.beginAuthorization(), useCases.completeAuthorization(), useCases.getAccessToken(),
            id -> {
                throw failure.get();
            },
            useCases.listConnections(), useCases.listProviders(), useCases.disconnect(), useCases.checkReadiness(),
            useCases.beginApiKeyConnection(), useCases.connectWithApiKey(),
            useCases.listWebhookEvents(), useCases.retryWebhookEvent()));

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "UNAUTHORIZED, 401",
        "NOT_FOUND, 404",
        "VALIDATION_FAILED, 400",
        "REAUTHORIZATION_REQUIRED, 409",
        "PROVIDER_UNAVAILABLE, 503",
        "RATE_LIMITED, 429",
        "SERVICE_UNAVAILABLE, 503",
        "INTERNAL_ERROR, 500"})
    void eachErrorCodeHasOneStatus(ErrorCode code, int status) {
        failure.set(new DomainException(code, "what the host application should know"));

        HttpResponse<String> response = get();

        ConnectionApiTest.assertProblem(response, status, code.code());
        if (code != ErrorCode.INTERNAL_ERROR) {
            assertThat(JsonFields.string(response.body(), "detail")).isEqualTo("what the host application should know");
        } else {
            assertThat(JsonFields.parse(response.body()).has("detail")).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"PROVIDER_UNAVAILABLE, 503", "SERVICE_UNAVAILABLE, 503", "RATE_LIMITED, 429"})
    void temporaryFailuresSayWhenToRetry(ErrorCode code, int status) {
        failure.set(new DomainException(code, "later", Duration.ofMillis(12_500)));

        HttpResponse<String> response = get();

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("13");
    }

    @ParameterizedTest
    @CsvSource({"PROVIDER_UNAVAILABLE, 999999999", "SERVICE_UNAVAILABLE, 301", "RATE_LIMITED, 9223372036854775807"})
    void aRetryAfterHandedToTheHostIsCappedAtFiveMinutes(ErrorCode code, long seconds) {
        failure.set(new DomainException(code, "a provider asked for " + seconds + " s", Duration.ofSeconds(seconds)));

        HttpResponse<String> response = get();

        assertThat(response.statusCode()).isIn(429, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("300");
    }

    @ParameterizedTest
    @CsvSource({"PROVIDER_UNAVAILABLE", "SERVICE_UNAVAILABLE"})
    void temporaryFailuresWithoutAHintStillSayWhenToRetry(ErrorCode code) {
        failure.set(new DomainException(code, "later"));

        assertThat(get().headers().firstValue("Retry-After")).hasValue("5");
    }

    private HttpResponse<String> get() {
        return server.send(server.api("/api/v1/connections/" + UUID.randomUUID()));
    }
}
