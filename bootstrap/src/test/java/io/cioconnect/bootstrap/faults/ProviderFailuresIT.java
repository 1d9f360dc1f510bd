package io.cioconnect.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole service in {@code serve} against providers that time out, fail, throttle or answer garbage on
 * refresh (docs/refresh.md): a token that still works is served, an expired one is a 503 the caller can
 * retry, and only {@code invalid_grant} ever asks the owner to connect again. Each fault has a provider
 * of its own, so one fault's circuit breaker does not decide another's test.
 */
@Tag("faults")
class ProviderFailuresIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String REVOKED = "revoked";
    private static final String LOST_ANSWER = "lost-answer";

    private static final Map<ProviderFault, ScriptedProvider> FAILING = new EnumMap<>(ProviderFault.class);
    private static ScriptedProvider revoked;
    private static ScriptedProvider lostAnswer;
    private static RunningService service;
    private static HostApi api;

    @BeforeAll
    static void start() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        for (ProviderFault fault : ProviderFault.values()) {
            ScriptedProvider provider = ScriptedProvider.start(fault.providerId);
            FAILING.put(fault, provider);
            ids.add(fault.providerId);
            env.putAll(provider.environment());
            if (fault == ProviderFault.TIMEOUT) {
                // Short enough that its three attempts end quickly, long enough for a busy machine's code exchange.
                env.put("TIMEOUT_REQUEST_TIMEOUT", "1s");
            }
        }
        revoked = ScriptedProvider.start(REVOKED);
        ids.add(REVOKED);
        env.putAll(revoked.environment());
        lostAnswer = ScriptedProvider.start(LOST_ANSWER);
        ids.add(LOST_ANSWER);
        env.putAll(lostAnswer.environment());
        env.put("LOST_ANSWER_REQUEST_TIMEOUT", "1s");
        env.put("PROVIDERS", String.join(",", ids));
        // Only the calls of the tests may reach the providers: no background sweep in between.
        env.put("REFRESH_INTERVAL", "1h");
        service = RunningService.start(Mode.SERVE, POSTGRES.database(), env);
        api = service.api;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        FAILING.values().forEach(ScriptedProvider::close);
        if (revoked != null) {
            revoked.close();
        }
        if (lostAnswer != null) {
            lostAnswer.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderFault.class)
    void servesAWorkingTokenAndAsksForPatienceForAnExpiredOneWhileTheProviderFails(ProviderFault fault) throws Exception {
        ScriptedProvider provider = FAILING.get(fault);
        provider.script(request -> request.isRefresh() ? fault.answer() : null);
        provider.issueAccessTokensLasting(Duration.ofSeconds(1));
        String expired = ScriptedFlows.connect(api, provider.id(), "expired-" + provider.id());
        Instant expiresAt = Instant.parse(connection(expired).json().get("access_token_expires_at").asText());
        // 30 s is inside REFRESH_SKEW (60 s): due for a refresh, yet still good to use.
        provider.issueAccessTokensLasting(Duration.ofSeconds(30));
        String stillValid = ScriptedFlows.connect(api, provider.id(), "valid-" + provider.id());
        String issued = provider.lastAccessToken();

        HostApi.Answer served = accessToken(stillValid);

        assertThat(served.status()).as(served.raw().body()).isEqualTo(200);
        assertThat(served.json().get("access_token").asText()).isEqualTo(issued);
        assertThat(provider.refreshRequests()).as("the service did try to refresh").isPositive();
        HostApi.Answer shown = connection(stillValid);
        assertThat(shown.json().get("status").asText()).isEqualTo("active");
        assertThat(shown.json().get("last_error").asText()).startsWith("refresh failed").contains(fault.lastErrorSays);

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiresAt));
        HostApi.Answer refused = accessToken(expired);

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("provider_unavailable");
        String retryAfter = refused.raw().headers().firstValue("Retry-After").orElseThrow();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        if (fault.retryAfter() != null) {
            assertThat(retryAfter).as("the provider's own Retry-After, capped").isEqualTo(fault.retryAfter());
        }
        assertThat(refused.raw().body()).doesNotContain(issued);
        assertThat(connection(expired).json().get("status").asText()).isEqualTo("active");
        assertThat(connection(expired).json().get("last_error").isNull()).isFalse();
    }

    @Test
    void invalidGrantAsksTheOwnerToConnectAgainAndStopsCallingTheProvider() throws Exception {
        revoked.script(request -> request.isRefresh() ? ScriptedProvider.error(400, "invalid_grant") : null);
        revoked.issueAccessTokensLasting(Duration.ofSeconds(30));
        String id = ScriptedFlows.connect(api, REVOKED, "revoked-owner");

        HostApi.Answer first = accessToken(id);

        assertThat(first.status()).as(first.raw().body()).isEqualTo(409);
        assertThat(first.json().get("code").asText()).isEqualTo("reauthorization_required");
        assertThat(revoked.refreshRequests()).isEqualTo(1);
        assertThat(accessToken(id).status()).isEqualTo(409);
        assertThat(api.call("POST", "/api/v1/connections/" + id + "/access-token", "{\"force_refresh\":true}").status())
                .isEqualTo(409);
        assertThat(revoked.refreshRequests()).as("no provider call after invalid_grant").isEqualTo(1);
        HostApi.Answer shown = connection(id);
        assertThat(shown.json().get("status").asText()).isEqualTo("reauthorization_required");
        assertThat(shown.json().get("last_error").asText()).contains("invalid_grant");
    }

    @Test
    void anInvalidGrantRightAfterARefreshThatGotNoAnswerIsPassingOnceThenTheGrantIsLost() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        lostAnswer.script(request -> !request.isRefresh() ? null : refreshes.incrementAndGet() == 1
                ? new MockResponse.Builder().headersDelay(4, TimeUnit.SECONDS).code(200).body("{}").build()
                : ScriptedProvider.error(400, "invalid_grant"));
        lostAnswer.issueAccessTokensLasting(Duration.ofSeconds(30));
        String id = ScriptedFlows.connect(api, LOST_ANSWER, "lost-answer-owner");
        String issued = lostAnswer.lastAccessToken();

        HostApi.Answer unanswered = accessToken(id);
        HostApi.Answer refused = api.call("POST", "/api/v1/connections/" + id + "/access-token",
                "{\"force_refresh\":true}");

        assertThat(unanswered.status()).as(unanswered.raw().body()).isEqualTo(200);
        assertThat(refused.status()).as("passing once: " + refused.raw().body()).isEqualTo(200);
        assertThat(refused.json().get("access_token").asText()).isEqualTo(issued);
        assertThat(lostAnswer.refreshRequests()).as("the unanswered refresh was not repeated in line").isEqualTo(2);
        HostApi.Answer shown = connection(id);
        assertThat(shown.json().get("status").asText()).isEqualTo("active");
        assertThat(shown.json().get("last_error").asText()).contains("after a refresh that got no answer")
                .contains("invalid_grant").contains("passing once");

        HostApi.Answer lost = api.call("POST", "/api/v1/connections/" + id + "/access-token", "{\"force_refresh\":true}");
        assertThat(lost.status()).as(lost.raw().body()).isEqualTo(409);
        assertThat(lost.json().get("code").asText()).isEqualTo("reauthorization_required");
    }

    private static HostApi.Answer accessToken(String id) throws Exception {
        return api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
    }

    private static HostApi.Answer connection(String id) throws Exception {
        return api.call("GET", "/api/v1/connections/" + id, null);
    }
}
