package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.REDIRECT_URI;
import static io.cioconnect.adapter.customerio.TestProviders.VERIFIER;
import static io.cioconnect.adapter.customerio.TestProviders.json;
import static io.cioconnect.adapter.customerio.TestProviders.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.customerio.CallPolicy.CircuitPolicy;
import io.cioconnect.adapter.customerio.CallPolicy.RateLimit;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Backoff;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timeouts, retries, Retry-After, the circuit breaker and the rate limiter, counted in requests received. */
class FailurePolicyIT {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final RefreshToken REFRESH = new RefreshToken("rt-1");

    private final MockWebServer server = new MockWebServer();
    private int closedPort;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpOAuthProvider provider(CallPolicy policy) {
        ProviderSettings settings = TestProviders.settings(server, TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_POST)
                .withCallPolicy(policy);
        return new HttpOAuthProvider(settings, new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpOAuthProvider provider() {
        return provider(TestProviders.fastPolicy());
    }

    private static ProviderFailure failure(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Failed.class);
        return ((TokenResult.Failed) result).failure();
    }

    private static MockResponse stalled() {
        return new MockResponse.Builder().code(200).onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    @Test
    void neverRetriesTheCodeExchangeAfterA500() {
        server.enqueue(json(500, "{}"));
        server.enqueue(tokens("{\"access_token\":\"at\"}"));

        ProviderFailure failure = failure(provider().exchangeCode(CODE, VERIFIER, REDIRECT_URI));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesTheCodeExchangeAfterATimeout() {
        server.enqueue(stalled());
        server.enqueue(tokens("{\"access_token\":\"at\"}"));

        ProviderFailure failure = failure(provider().exchangeCode(CODE, VERIFIER, REDIRECT_URI));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.detail()).contains("2000 ms");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesARefreshAfter5xxUntilItSucceeds() {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(500, "{}"));
        server.enqueue(tokens("{\"access_token\":\"at-2\"}"));

        TokenResult result = provider().refresh(REFRESH, Scopes.none());

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void neverRepeatsARefreshThatGotNoAnswerAndSaysItsOutcomeIsUnknown() {
        server.enqueue(stalled());
        server.enqueue(tokens("{\"access_token\":\"at-2\"}"));

        ProviderFailure failure = failure(provider().refresh(REFRESH, Scopes.none()));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.outcomeUnknown()).as("the provider may have rotated the token").isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void knowsARefreshWhoseConnectionNeverOpenedWasNotSent() throws Exception {
        ProviderFailure failure = failure(unreachable().refresh(REFRESH, Scopes.none()));

        assertThat(failure.outcomeUnknown()).isFalse();
        assertThat(failure.detail()).contains("refused or unreachable");
    }

    @Test
    void retriesARevocationThatGotNoAnswer() {
        server.enqueue(stalled());
        server.enqueue(new MockResponse.Builder().code(200).build());

        RevocationResult result = provider().revoke(new RevocableToken("rt-1", RevocableToken.Hint.REFRESH_TOKEN));

        assertThat(result).isInstanceOf(RevocationResult.Revoked.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void promisesToAnswerARefreshWithinItsBudgetOrOneWholeAttempt() {
        CallPolicy policy = TestProviders.fastPolicy();

        assertThat(provider(policy).refreshTimeLimit()).isEqualTo(Duration.ofSeconds(20));
        CallPolicy slowAttempts = policy.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(25))
                .withRateLimit(new RateLimit(10, Duration.ofSeconds(5)));
        assertThat(provider(slowAttempts).refreshTimeLimit()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttempts() {
        IntStream.range(0, 5).forEach(i -> server.enqueue(json(500, "{}")));

        ProviderFailure failure = failure(provider().refresh(REFRESH, Scopes.none()));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void neverRetriesInvalidGrant() {
        server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
        server.enqueue(tokens("{\"access_token\":\"at\"}"));

        assertThat(failure(provider().refresh(REFRESH, Scopes.none())).kind()).isEqualTo(Kind.INVALID_GRANT);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        server.enqueue(tokens("{\"access_token\":\"at-2\"}"));
        long start = System.nanoTime();

        TokenResult result = provider().refresh(REFRESH, Scopes.none());

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(1).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", inOneSecond).build());
        server.enqueue(tokens("{\"access_token\":\"at-2\"}"));
        long start = System.nanoTime();

        TokenResult result = provider().refresh(REFRESH, Scopes.none());

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void returnsRateLimitedWithoutRetryingWhenRetryAfterExceedsTheCap() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
        server.enqueue(tokens("{\"access_token\":\"at-2\"}"));

        ProviderFailure failure = failure(provider().refresh(REFRESH, Scopes.none()));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsRetryingWhenTheNextAttemptCouldOverrunTheBudget() {
        CallPolicy tightBudget = TestProviders.fastPolicy()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
                .withRetry(new CallPolicy.RetryPolicy(5, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(2)), Duration.ofMillis(1400)));
        IntStream.range(0, 5).forEach(i -> server.enqueue(stalled()));

        // An attempt starts only if its wait plus a whole 500 ms timeout fits in 1.4 s: the second one
        // (starting at ~0.5 s) does, a third (at ~1 s) would not, although five attempts are allowed.
        RevocationResult result = provider(tightBudget).revoke(
                new RevocableToken("rt-1", RevocableToken.Hint.REFRESH_TOKEN));
        assertThat(((RevocationResult.Failed) result).failure().kind()).isEqualTo(Kind.UNAVAILABLE);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesRevocationOn503() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        RevocationResult result = provider().revoke(new RevocableToken("rt-1", RevocableToken.Hint.REFRESH_TOKEN));

        assertThat(result).isInstanceOf(RevocationResult.Revoked.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsARefusedConnectionAsUnavailable() throws Exception {
        ProviderFailure failure = failure(unreachable().exchangeCode(CODE, VERIFIER, REDIRECT_URI));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.detail()).doesNotContain(String.valueOf(closedPort));
    }

    /** A provider whose token URL points at a port nobody listens on. */
    private HttpOAuthProvider unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderSettings settings = TestProviders.settings(server, TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_POST);
        return new HttpOAuthProvider(new ProviderSettings(settings.id(), settings.clientId(), settings.clientSecret(),
                settings.authorizeUrl(), URI.create("http://127.0.0.1:" + closedPort + "/token"), null, null,
                settings.scopes(), settings.tokenRequestFormat(), settings.clientAuth(), settings.callPolicy(), false),
                new SimpleMeterRegistry());
    }

    @Test
    void opensTheCircuitAndStopsSendingRequests() {
        HttpOAuthProvider provider = provider(TestProviders.fastPolicy()
                .withCircuit(new CircuitPolicy(2, 2, 50f, Duration.ofMinutes(1))));
        IntStream.range(0, 3).forEach(i -> server.enqueue(json(500, "{}")));

        provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
        provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
        ProviderFailure failure = failure(provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.detail()).contains("circuit breaker open");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotOpenTheCircuitForOAuthErrors() {
        HttpOAuthProvider provider = provider(TestProviders.fastPolicy()
                .withCircuit(new CircuitPolicy(2, 2, 50f, Duration.ofMinutes(1))));
        IntStream.range(0, 3).forEach(i -> server.enqueue(json(400, "{\"error\":\"invalid_grant\"}")));

        IntStream.range(0, 3).forEach(i -> provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI));

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void limitsTheRateOfRequestsOnTheClientSide() {
        HttpOAuthProvider provider = provider(TestProviders.fastPolicy().withRateLimit(new RateLimit(1, Duration.ZERO)));
        IntStream.range(0, 3).forEach(i -> server.enqueue(tokens("{\"access_token\":\"at\"}")));

        // Three calls within milliseconds span at most two one-second periods: at least one is refused locally.
        long limited = IntStream.range(0, 3)
                .mapToObj(i -> provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI))
                .filter(result -> result instanceof TokenResult.Failed failed
                        && failed.failure().kind() == Kind.RATE_LIMITED
                        && failed.failure().detail().contains("client-side"))
                .count();

        assertThat(limited).isPositive();
        assertThat(server.getRequestCount()).isEqualTo(3 - (int) limited);
    }
}
