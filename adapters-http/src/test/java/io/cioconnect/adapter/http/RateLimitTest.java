package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Limits of 2 requests per second: a burst of 50 requests cannot fit in the budget, whatever the
 * machine's speed, so each test waits for the first 429 rather than timing anything.
 */
class RateLimitTest {

    private static final int BURST = 50;

    @Test
    void anApiKeyOverItsBudgetGets429WithRetryAfterWhileAnotherKeyIsUnaffected() {
        TestCore core = TestCore.create();
        try (TestServer server = TestServer.start(core, TestServer.settings(core, 2, 0, Set.of()))) {
            HttpResponse<String> limited = firstLimited(() -> server.send(server.api("/api/v1/connections?owner=u")));

            ConnectionApiTest.assertProblem(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            SecurityHeadersTest.assertHardened(limited);
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/connections?owner=u"))
                    .header("Authorization", "Bearer " + TestServer.OTHER_API_KEY)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBrowserOverItsBudgetGets429() {
        TestCore core = TestCore.create();
        try (TestServer server = TestServer.start(core, TestServer.settings(core, 0, 2, Set.of()))) {
            HttpResponse<String> limited = firstLimited(() -> server.get("/oauth/customerio/start?ticket=t"));

            ConnectionApiTest.assertProblem(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(server.get("/health/live").statusCode()).as("only /oauth is limited per IP").isEqualTo(200);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudget() {
        TestCore core = TestCore.create();
        try (TestServer server = TestServer.start(core, TestServer.settings(core, 0, 2, Set.of(loopback())))) {
            for (int i = 0; i < BURST; i++) {
                assertThat(forwardedFor(server, "198.51.100." + (i + 1)).statusCode()).isEqualTo(400);
            }
        }
    }

    @Test
    void anUntrustedPeerCannotEscapeItsBudgetBySendingXForwardedFor() {
        TestCore core = TestCore.create();
        try (TestServer server = TestServer.start(core, TestServer.settings(core, 0, 2, Set.of()))) {
            AtomicInteger client = new AtomicInteger();

            firstLimited(() -> forwardedFor(server, "198.51.100." + client.incrementAndGet()));
        }
    }

    private static HttpResponse<String> forwardedFor(TestServer server, String client) {
        return server.send(HttpRequest.newBuilder(server.uri("/oauth/customerio/start?ticket=t"))
                .header("X-Forwarded-For", client));
    }

    private static HttpResponse<String> firstLimited(Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 429) {
                return response;
            }
        }
        throw new AssertionError("no 429 within " + BURST + " requests");
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
