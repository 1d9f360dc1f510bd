package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.customerio.CallPolicy.CircuitPolicy;
import io.cioconnect.adapter.customerio.CallPolicy.RateLimit;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.application.port.out.ApiKeyVerification.Verdict;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ProviderKind;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The App API key check against two MockWebServers standing in for the US and EU hosts. */
class AppApiKeyVerifierIT {

    private static final AppApiKey KEY = new AppApiKey("9f8e7d6c5b4a39281706f5e4d3c2b1a0");

    private final MockWebServer us = new MockWebServer();
    private final MockWebServer eu = new MockWebServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        us.start();
        eu.start();
    }

    @AfterEach
    void stop() {
        us.close();
        eu.close();
    }

    private AppApiKeyVerifier verifier(CallPolicy policy) {
        return new AppApiKeyVerifier(new AppApiSettings(base(us), base(eu), "/v1/workspaces", policy), meters);
    }

    private AppApiKeyVerifier verifier() {
        return verifier(TestProviders.fastPolicy());
    }

    private static URI base(MockWebServer server) {
        return URI.create(server.url("/").toString());
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private static ApiKeyVerification assertVerdict(ApiKeyVerification verification, Verdict verdict) {
        assertThat(verification.verdict()).as(verification.detail()).isEqualTo(verdict);
        assertThat(verification.detail()).doesNotContain(KEY.value());
        return verification;
    }

    @Test
    void acceptsAKeyTheUsHostAnswers2xxForWithOneBearerGetToTheCheckPath() throws Exception {
        us.enqueue(TestProviders.json(200, "{\"workspaces\":[]}"));

        assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.ACCEPTED);

        RecordedRequest request = us.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/workspaces");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY.value());
        assertThat(us.getRequestCount()).isEqualTo(1);
        assertThat(eu.getRequestCount()).isZero();
    }

    @Test
    void asksTheEuHostForAnEuKey() {
        eu.enqueue(status(204));

        assertVerdict(verifier().verify(KEY, AppApiRegion.EU), Verdict.ACCEPTED);

        assertThat(eu.getRequestCount()).isEqualTo(1);
        assertThat(us.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusesAKeyTheHostRejects(int code) {
        us.enqueue(TestProviders.json(code, "{\"errors\":[{\"detail\":\"bad key " + KEY.value() + "\"}]}"));

        ApiKeyVerification verification = assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.REFUSED);

        assertThat(verification.detail()).contains(String.valueOf(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void cannotTellWhenTheHostIsRateLimitingOrFailing(int code) {
        us.enqueue(status(code));
        us.enqueue(status(200));

        assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.UNAVAILABLE);

        assertThat(us.getRequestCount()).as("never retried: the end user retries from the form").isEqualTo(1);
    }

    @Test
    void cannotTellWhenTheHostDoesNotAnswerInTime() {
        us.enqueue(new MockResponse.Builder().code(200).onResponseStart(SocketEffect.Stall.INSTANCE).build());

        ApiKeyVerification verification = assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.UNAVAILABLE);

        assertThat(verification.detail()).contains("2000 ms");
    }

    @Test
    void cannotTellWhenTheHostRefusesConnections() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort);
        AppApiKeyVerifier verifier = new AppApiKeyVerifier(new AppApiSettings(closed, closed, "/v1/workspaces",
                TestProviders.fastPolicy()), meters);

        ApiKeyVerification verification = assertVerdict(verifier.verify(KEY, AppApiRegion.EU), Verdict.UNAVAILABLE);

        assertThat(verification.detail()).doesNotContain(String.valueOf(closedPort));
    }

    @Test
    void neverFollowsARedirect() {
        us.enqueue(new MockResponse.Builder().code(302).setHeader("Location", eu.url("/v1/workspaces").toString()).build());

        ApiKeyVerification verification = assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.UNAVAILABLE);

        assertThat(verification.detail()).contains("302");
        assertThat(eu.getRequestCount()).as("the key never travels to where a redirect points").isZero();
    }

    @Test
    void aWrongCheckPathIsNotBlamedOnTheKey() {
        us.enqueue(status(404));

        ApiKeyVerification verification = assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.UNAVAILABLE);

        assertThat(verification.detail()).contains("404").contains("CHECK_PATH");
    }

    @Test
    void stopsReadingAHugeBodyAtTheCap() {
        // 4 MiB at 64 KiB per 100 ms would take 6 s, longer than the 2 s timeout: only a capped read answers in time.
        Buffer huge = new Buffer().writeUtf8("x".repeat(4 * 1024 * 1024));
        us.enqueue(new MockResponse.Builder().code(200).body(huge).throttleBody(64 * 1024, 100, TimeUnit.MILLISECONDS)
                .build());

        assertVerdict(verifier().verify(KEY, AppApiRegion.US), Verdict.ACCEPTED);
    }

    @Test
    void opensTheCircuitOfAFailingRegionOnlyAndStopsAskingIt() {
        AppApiKeyVerifier verifier = verifier(TestProviders.fastPolicy()
                .withCircuit(new CircuitPolicy(2, 2, 50f, Duration.ofMinutes(1))));
        IntStream.range(0, 3).forEach(i -> us.enqueue(status(500)));
        eu.enqueue(status(200));

        verifier.verify(KEY, AppApiRegion.US);
        verifier.verify(KEY, AppApiRegion.US);
        ApiKeyVerification third = assertVerdict(verifier.verify(KEY, AppApiRegion.US), Verdict.UNAVAILABLE);

        assertThat(third.detail()).contains("circuit breaker open");
        assertThat(us.getRequestCount()).isEqualTo(2);
        assertVerdict(verifier.verify(KEY, AppApiRegion.EU), Verdict.ACCEPTED);
    }

    @Test
    void refusedKeysNeverOpenTheCircuit() {
        AppApiKeyVerifier verifier = verifier(TestProviders.fastPolicy()
                .withCircuit(new CircuitPolicy(2, 2, 50f, Duration.ofMinutes(1))));
        IntStream.range(0, 4).forEach(i -> us.enqueue(status(401)));

        IntStream.range(0, 4).forEach(i -> assertVerdict(verifier.verify(KEY, AppApiRegion.US), Verdict.REFUSED));

        assertThat(us.getRequestCount()).isEqualTo(4);
    }

    @Test
    void limitsTheRateOfChecksOnTheClientSide() {
        AppApiKeyVerifier verifier = verifier(TestProviders.fastPolicy().withRateLimit(new RateLimit(1, Duration.ZERO)));
        IntStream.range(0, 3).forEach(i -> us.enqueue(status(200)));

        // Three checks within milliseconds span at most two one-second periods: at least one is refused locally.
        long limited = IntStream.range(0, 3)
                .mapToObj(i -> verifier.verify(KEY, AppApiRegion.US))
                .filter(v -> v.verdict() == Verdict.UNAVAILABLE && v.detail().contains("client-side"))
                .count();

        assertThat(limited).isPositive();
        assertThat(us.getRequestCount()).isEqualTo(3 - (int) limited);
    }

    @Test
    void timesChecksByOutcomeWithoutTheKeyInAnyTag() {
        us.enqueue(status(200));
        us.enqueue(status(401));
        us.enqueue(status(429));
        AppApiKeyVerifier verifier = verifier();

        IntStream.range(0, 3).forEach(i -> verifier.verify(KEY, AppApiRegion.US));

        for (String outcome : new String[] {"success", "rejected", "rate_limited"}) {
            assertThat(meters.get(ProviderMetrics.TIMER).tag("provider", "customerio-app-api")
                    .tag("operation", "check_key").tag("outcome", outcome).timer().count()).as(outcome).isEqualTo(1);
        }
        for (Meter meter : meters.getMeters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getValue).noneMatch(v -> v.contains(KEY.value()));
        }
    }

    @Test
    void describesItselfAsAProviderWithNothingToRevoke() {
        assertThat(verifier().descriptor().id().value()).isEqualTo("customerio-app-api");
        assertThat(verifier().descriptor().supportsRevocation()).isFalse();
        assertThat(verifier().descriptor().allowedScopes().isEmpty()).isTrue();
        assertThat(verifier().descriptor().kind()).isEqualTo(ProviderKind.APP_API_KEY);
        assertThat(verifier().descriptor().displayName()).isEqualTo("Customer.io App API key");
    }
}
