package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import io.cioconnect.domain.ConnectionId;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One line per request, by route template and key name; no code, state, ticket, key or token in any log line. */
class RequestLogTest {

    private CapturedLogs logs;
    private TestServer server;

    @BeforeEach
    void capture() {
        logs = CapturedLogs.start();
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    @Test
    void logsEachRequestByRouteTemplateStatusAndKeyName() {
        ConnectionId id = server.core.connect("user-1");
        server.send(server.api("/api/v1/connections/" + id));
        server.get("/api/v1/connections?owner=user-1");

        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /api/v1/connections/\\{id\\} 200 \\d+ms key=" + TestServer.API_KEY_NAME));
        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line).matches("GET /api/v1/connections 401 \\d+ms key=-"));
        assertThat(String.join("\n", logs.requestLines())).doesNotContain(id.toString()).doesNotContain("owner=");
    }

    @Test
    void noLogLineCarriesACodeStateTicketKeyOrToken() {
        Browser browser = server.browser();
        URI connectUrl = server.connectUrl("user-1");
        URI authorize = browser.start(connectUrl);
        String state = TestCore.queryParameter(authorize, "state");
        String binding = browser.cookies().get("cioconnect_binding");
        browser.get("/oauth/customerio/callback?code=code-SENSITIVE-4711&state=" + state);
        browser.get("/oauth/customerio/callback?code=code-SENSITIVE-4711&state=" + state);
        browser.get("/oauth/customerio/callback?error=access_denied&error_description=desc-SENSITIVE&state=" + state);
        ConnectionId id = server.core.connect("user-2");
        String token = JsonFields.string(server.send(server.api("/api/v1/connections/" + id + "/access-token")
                .POST(HttpRequest.BodyPublishers.noBody())).body(), "access_token");

        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line).matches("GET /oauth/\\{provider\\}/callback 303 .*"));
        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line).matches("GET /oauth/\\{provider\\}/start 302 .*"));
        String everything = String.join("\n", logs.allLines());
        assertThat(everything)
                .doesNotContain("code-SENSITIVE-4711")
                .doesNotContain(state)
                .doesNotContain(TestCore.queryParameter(connectUrl, "ticket"))
                .doesNotContain(binding)
                .doesNotContain(TestServer.API_KEY)
                .doesNotContain(token)
                .doesNotContain("desc-SENSITIVE");
    }
}
