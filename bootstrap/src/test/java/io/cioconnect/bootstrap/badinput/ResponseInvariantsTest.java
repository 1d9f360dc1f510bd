package io.cioconnect.bootstrap.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bad-input suite's rules catch what they are meant to catch, so a green run means something. */
@Tag("bad-input")
class ResponseInvariantsTest {

    private static final String HARDENED = "X-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'\r\n";
    private static final Request API_CALL = new Request("GET", "/api/v1/connections/x", List.of(), null);

    @Test
    void acceptsAProblemWithAStableCodeAndTheSecurityHeaders() {
        assertThat(ResponseInvariants.violations(API_CALL, problem(404, "not_found"), List.of("at-secret"))).isEmpty();
    }

    @Test
    void flagsAServerError() {
        assertThat(ResponseInvariants.violations(API_CALL, problem(500, "internal_error"), List.of()))
                .anyMatch(v -> v.contains("500"));
    }

    @Test
    void flagsAnApiClientErrorThatIsNotProblemJson() {
        Response html = response(400, "Content-Type: text/html\r\n" + HARDENED, "<html>Bad Message</html>");

        assertThat(ResponseInvariants.violations(API_CALL, html, List.of())).anyMatch(v -> v.contains("problem+json"));
    }

    @Test
    void flagsAProblemWithoutAStableCode() {
        assertThat(ResponseInvariants.violations(API_CALL, problem(400, "oops"), List.of()))
                .anyMatch(v -> v.contains("stable code"));
    }

    @Test
    void flagsAStackTrace() {
        Response trace = response(400, "Content-Type: text/plain\r\n" + HARDENED,
                "java.lang.IllegalStateException: boom\n\tat io.cioconnect.Foo.bar(Foo.java:1)");

        assertThat(ResponseInvariants.violations(new Request("GET", "/oauth/x/start", List.of(), null), trace, List.of()))
                .anyMatch(v -> v.contains("stack trace"));
    }

    @Test
    void flagsMissingSecurityHeaders() {
        Response bare = response(404, "Content-Type: application/problem+json\r\n", "{\"code\":\"not_found\"}");

        assertThat(ResponseInvariants.violations(API_CALL, bare, List.of())).anyMatch(v -> v.contains("Content-Security-Policy"));
    }

    @Test
    void flagsAnUnescapedScriptInAPage() {
        Response page = response(400, "Content-Type: text/html; charset=utf-8\r\n" + HARDENED, "<p><script>alert(1)</script></p>");

        assertThat(ResponseInvariants.violations(new Request("GET", "/oauth/x/callback", List.of(), null), page, List.of()))
                .anyMatch(v -> v.contains("unescaped"));
    }

    @Test
    void flagsACredentialInTheBodyOrInAHeader() {
        Response inBody = response(200, "Content-Type: application/json\r\n" + HARDENED, "{\"x\":\"rt-secret-1\"}");
        Response inHeader = response(303, "Location: https://app.example.com/?t=rt-secret-1\r\n" + HARDENED, "");

        assertThat(ResponseInvariants.violations(API_CALL, inBody, List.of("rt-secret-1"))).anyMatch(v -> v.contains("credential"));
        assertThat(ResponseInvariants.violations(API_CALL, inHeader, List.of("rt-secret-1"))).anyMatch(v -> v.contains("credential"));
    }

    private static Response problem(int status, String code) {
        return response(status, "Content-Type: application/problem+json\r\n" + HARDENED,
                "{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code + "\"}");
    }

    private static Response response(int status, String headers, String body) {
        return new Response(status, "HTTP/1.1 " + status + " X\r\n" + headers.strip(), body.getBytes(StandardCharsets.UTF_8));
    }
}
