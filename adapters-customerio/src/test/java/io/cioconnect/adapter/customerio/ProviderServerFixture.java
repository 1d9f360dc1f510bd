package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.REDIRECT_URI;
import static io.cioconnect.adapter.customerio.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.TokenSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A Customer.io-style provider client in front of a MockWebServer, with a fixed clock. */
abstract class ProviderServerFixture {

    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    final MockWebServer server = new MockWebServer();
    HttpOAuthProvider provider;

    @BeforeEach
    void startServer() throws Exception {
        server.start();
        provider = new HttpOAuthProvider(TestProviders.settings(server, TokenRequestFormat.JSON,
                ClientAuthMethod.CLIENT_SECRET_POST), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    TokenResult exchange(MockResponse response) {
        server.enqueue(response);
        return provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
    }

    TokenSet issued(MockResponse response) {
        TokenResult result = exchange(response);
        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        return ((TokenResult.Issued) result).tokens();
    }

    static ProviderFailure failed(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Failed.class);
        return ((TokenResult.Failed) result).failure();
    }
}
