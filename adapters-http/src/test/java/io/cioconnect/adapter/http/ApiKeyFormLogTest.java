package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cioconnect.application.port.out.ApiKeyVerification;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Whatever happens to a key, it appears in no log line, no page and no redirect. */
class ApiKeyFormLogTest {

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
    void noKeyReachesALogLineAPageOrARedirect() {
        Browser browser = server.browser();
        server.core.fakeKeyVerifier().results.add(ApiKeyVerification.unavailable("the App API answered 503"));
        StringBuilder seen = new StringBuilder();
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");
        String binding = browser.cookies().get("cioconnect_binding");

        HttpResponse<String> unreachable = KeyForm.submit(browser, KeyForm.token(page), KeyForm.VALID_KEY, "us");
        HttpResponse<String> refused = KeyForm.submit(browser, KeyForm.token(unreachable), KeyForm.REFUSED_KEY, "us");
        HttpResponse<String> connected = KeyForm.submit(browser, KeyForm.token(refused), KeyForm.VALID_KEY, "us");
        HttpResponse<String> replayed = KeyForm.submit(browser, KeyForm.token(refused), KeyForm.VALID_KEY, "us");
        for (HttpResponse<String> response : new HttpResponse[] {page, unreachable, refused, connected, replayed}) {
            seen.append(response.body()).append(response.headers().map());
        }
        assertThat(connected.statusCode()).isEqualTo(303);

        assertThat(requestLines()).anySatisfy(line -> assertThat(line)
                .matches("POST /oauth/customerio-app-api/submit 303 .*"));
        assertThat(requestLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /oauth/customerio-app-api/start 200 .*"));
        String logs = String.join("\n", allLines());
        assertThat(logs).contains("refused").doesNotContain(KeyForm.VALID_KEY).doesNotContain(KeyForm.REFUSED_KEY)
                .doesNotContain(KeyForm.token(page)).doesNotContain(binding);
        assertThat(seen.toString()).doesNotContain(KeyForm.VALID_KEY).doesNotContain(KeyForm.REFUSED_KEY);
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
