package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.domain.ConnectionId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void livenessNeedsNoKeyAndAnswersUp() {
        HttpResponse<String> response = server.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessListsItsChecksAndFollowsTheStore() {
        server.core.otherChecks.add(new Readiness.Check("retry_revocations", true));
        HttpResponse<String> ready = server.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                + "{\"name\":\"retry_revocations\",\"status\":\"UP\"}]}");

        server.core.storeAvailable.set(false);
        HttpResponse<String> response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"},"
                + "{\"name\":\"retry_revocations\",\"status\":\"UP\"}]}");
    }

    @Test
    void readinessIsDownWhileAnyCheckIsDownThoughTheStoreAnswers() {
        server.core.otherChecks.add(new Readiness.Check("refresh_sweep.customerio", false));

        HttpResponse<String> response = server.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JsonFields.string(response.body(), "status")).isEqualTo("DOWN");
        assertThat(response.body()).contains("{\"name\":\"refresh_sweep.customerio\",\"status\":\"DOWN\"}");
    }

    @Test
    void metricsCountRequestsByRouteTemplateNeverByRawPath() {
        ConnectionId id = server.core.connect("user-1");
        server.send(server.api("/api/v1/connections/" + id));
        server.get("/no/such/" + "page-with-a-unique-name");

        HttpResponse<String> metrics = server.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/connections/{id}\",status=\"200\"} 1")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain(id.toString())
                .doesNotContain("page-with-a-unique-name");
    }

    @Test
    void metricsCountFlowsByOutcomeAndAccessTokensByOutcome() {
        Browser browser = server.browser();
        URI authorize = browser.start(server.connectUrl("user-1"));
        String state = TestCore.queryParameter(authorize, "state");
        browser.get("/oauth/customerio/callback?code=c&state=" + state);
        browser.get("/oauth/customerio/callback?code=c&state=" + state);
        URI denied = browser.start(server.connectUrl("user-2"));
        browser.get("/oauth/customerio/callback?error=access_denied&state=" + TestCore.queryParameter(denied, "state"));
        ConnectionId id = server.core.connect("user-3");
        server.send(server.api("/api/v1/connections/" + id + "/access-token").POST(HttpRequest.BodyPublishers.noBody()));
        server.send(server.api("/api/v1/connections/" + UUID.randomUUID() + "/access-token")
                .POST(HttpRequest.BodyPublishers.noBody()));

        String metrics = server.get("/metrics").body();

        assertThat(metrics)
                .contains("cioconnect_flows_started_total{provider=\"customerio\"} 2.0")
                .contains("cioconnect_flows_completed_total{provider=\"customerio\"} 1.0")
                .contains("cioconnect_flows_failed_total{reason=\"unidentified\"} 1.0")
                .contains("cioconnect_flows_failed_total{reason=\"access_denied\"} 1.0")
                .contains("cioconnect_access_token_requests_total{outcome=\"issued\"} 1.0")
                .contains("cioconnect_access_token_requests_total{outcome=\"not_found\"} 1.0")
                .doesNotContain(state);
    }
}
