package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ApiKeyVerification;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever happens to a key, it appears in no log line, no page and no redirect. */
class ApiKeyFormLogTest {

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

        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line)
                .matches("POST /oauth/customerio-app-api/submit 303 .*"));
        assertThat(logs.requestLines()).anySatisfy(line -> assertThat(line)
                .matches("GET /oauth/customerio-app-api/start 200 .*"));
        String logged = String.join("\n", logs.allLines());
        assertThat(logged).contains("refused").doesNotContain(KeyForm.VALID_KEY).doesNotContain(KeyForm.REFUSED_KEY)
                .doesNotContain(KeyForm.token(page)).doesNotContain(binding);
        assertThat(seen.toString()).doesNotContain(KeyForm.VALID_KEY).doesNotContain(KeyForm.REFUSED_KEY);
    }
}
