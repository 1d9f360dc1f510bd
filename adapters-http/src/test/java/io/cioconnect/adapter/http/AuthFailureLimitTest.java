package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code AUTH_FAILURE_LIMIT}: a client IP that failed to authenticate that many times this minute is answered
 * 429 before any key is looked up, so even a valid key from that IP waits; other clients are not affected.
 */
class AuthFailureLimitTest {

    private static final String PATH = "/api/v1/connections?owner=u";

    @Test
    void aClientThatSpentItsFailuresGets429BeforeItsKeyIsLookedUp() {
        try (TestServer server = serverAllowingFailures(3, Set.of())) {
            for (int i = 0; i < 3; i++) {
                ConnectionApiTest.assertProblem(withKey(server, "wrong-key-" + i, null), 401, "unauthorized");
            }

            HttpResponse<String> limited = withKey(server, TestServer.API_KEY, null);

            ConnectionApiTest.assertProblem(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(limited.headers().firstValue("WWW-Authenticate")).isEmpty();
            SecurityHeadersTest.assertHardened(limited);
            ConnectionApiTest.assertProblem(server.send(HttpRequest.newBuilder(server.uri(PATH))), 429, "rate_limited");
        }
    }

    @Test
    void successfulRequestsDoNotCountAndOtherClientsKeepTheirOwnBudget() throws Exception {
        try (TestServer server = serverAllowingFailures(2, Set.of(InetAddress.getByName("127.0.0.1")))) {
            for (int i = 0; i < 20; i++) {
                assertThat(withKey(server, TestServer.API_KEY, "198.51.100.1").statusCode()).isEqualTo(200);
            }
            withKey(server, "wrong", "198.51.100.2");
            withKey(server, "wrong", "198.51.100.2");

            assertThat(withKey(server, TestServer.API_KEY, "198.51.100.2").statusCode()).isEqualTo(429);
            assertThat(withKey(server, TestServer.API_KEY, "198.51.100.1").statusCode()).isEqualTo(200);
            assertThat(withKey(server, "wrong", "198.51.100.3").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void zeroTurnsTheLimitOff() {
        try (TestServer server = serverAllowingFailures(0, Set.of())) {
            for (int i = 0; i < 100; i++) {
                assertThat(withKey(server, "wrong", null).statusCode()).isEqualTo(401);
            }
            assertThat(withKey(server, TestServer.API_KEY, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theBrowsersRoutesAreNotCounted() throws UnknownHostException {
        try (TestServer server = serverAllowingFailures(1, Set.of())) {
            withKey(server, "wrong", null);

            assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(server.get("/oauth/customerio/start?ticket=t").statusCode()).isEqualTo(400);
        }
    }

    private static TestServer serverAllowingFailures(int perMinute, Set<InetAddress> trustedProxies) {
        TestCore core = TestCore.create();
        return TestServer.start(core, TestServer.settings(core, 0, 0, perMinute, trustedProxies));
    }

    private static HttpResponse<String> withKey(TestServer server, String key, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH)).header("Authorization", "Bearer " + key);
        return server.send(forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor));
    }
}
