package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.REDIRECT_URI;
import static io.cioconnect.adapter.customerio.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provider call latencies as one timer, tagged by provider, operation and outcome, and nothing else. */
class ProviderCallMetricsIT {

    private final MockWebServer server = new MockWebServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long count(String operation, String outcome) {
        return meters.get(ProviderMetrics.TIMER).tag("provider", "customerio")
                .tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    @Test
    void timesEachOperationByOutcomeWithoutSecretTags() {
        HttpOAuthProvider provider = new HttpOAuthProvider(TestProviders.settings(server, TokenRequestFormat.JSON,
                ClientAuthMethod.CLIENT_SECRET_POST), meters);
        server.enqueue(TestProviders.tokens("{\"access_token\":\"at-secret\"}"));
        server.enqueue(TestProviders.json(400, "{\"error\":\"invalid_grant\"}"));
        IntStream.range(0, 3).forEach(i -> server.enqueue(new MockResponse.Builder().code(503).build()));

        provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
        provider.refresh(new RefreshToken("rt-secret"), Scopes.none());
        provider.revoke(new RevocableToken("rt-secret", RevocableToken.Hint.REFRESH_TOKEN));

        assertThat(count("exchange", "success")).isEqualTo(1);
        assertThat(count("refresh", "invalid_grant")).isEqualTo(1);
        assertThat(count("revoke", "unavailable")).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(5);
        for (Meter meter : meters.getMeters()) {
            if (meter.getId().getName().equals(ProviderMetrics.TIMER)) {
                assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                        .containsExactlyInAnyOrder("provider", "operation", "outcome");
                assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                        .noneMatch(value -> value.contains("secret") || value.contains(CODE.value()));
            }
        }
    }
}
