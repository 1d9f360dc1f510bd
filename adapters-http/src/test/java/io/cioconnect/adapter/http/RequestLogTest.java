package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cioconnect.application.TestCore;
import io.cioconnect.domain.ConnectionId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per request, by route template and key name; no code, state, ticket, key or token in any log line. */
class RequestLogTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private TestServer server;

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        root.detachAppender(appender);
    }

    @Test
    void logsEachRequestByRouteTemplateStatusAndKeyName() {
        ConnectionId id = server.core.connect("user-1");
        server.send(server.api("/api/v1/connections/" + id));
        server.get("/api/v1/connections?owner=user-1");

        assertThat(requestLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /api/v1/connections/\\{id\\} 200 \\d+ms key=" + TestServer.API_KEY_NAME));
        assertThat(requestLines()).anySatisfy(line -> assertThat(line).matches("GET /api/v1/connections 401 \\d+ms key=-"));
        assertThat(String.join("\n", requestLines())).doesNotContain(id.toString()).doesNotContain("owner=");
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

        assertThat(requestLines()).anySatisfy(line -> assertThat(line).matches("GET /oauth/\\{provider\\}/callback 303 .*"));
        assertThat(requestLines()).anySatisfy(line -> assertThat(line).matches("GET /oauth/\\{provider\\}/start 302 .*"));
        String everything = String.join("\n", allLines());
        assertThat(everything)
                .doesNotContain("code-SENSITIVE-4711")
                .doesNotContain(state)
                .doesNotContain(TestCore.queryParameter(connectUrl, "ticket"))
                .doesNotContain(binding)
                .doesNotContain(TestServer.API_KEY)
                .doesNotContain(token)
                .doesNotContain("desc-SENSITIVE");
    }

    private List<String> requestLines() {
        return appender.list.stream().filter(e -> e.getLoggerName().equals("io.cioconnect.http.request"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> allLines() {
        return appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }
}
