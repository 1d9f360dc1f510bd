package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.json;
import static io.cioconnect.adapter.customerio.TestProviders.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error answers and answers that are no token response at all (RFC 6749 §5.2), as typed failures. */
class ErrorResponsesIT extends ProviderServerFixture {

    @Test
    void treatsA200CarryingAnErrorAsTheError() {
        ProviderFailure failure = failed(exchange(tokens("{\"error\":\"invalid_grant\",\"access_token\":\"at\"}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_GRANT);
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_grant,        INVALID_GRANT",
        "400, invalid_client,       INVALID_CLIENT",
        "401, invalid_client,       INVALID_CLIENT",
        "400, unauthorized_client,  UNAUTHORIZED_CLIENT",
        "400, invalid_scope,        REJECTED",
        "400, invalid_request,      REJECTED",
        "400, unsupported_grant_type, REJECTED",
        "400, temporarily_unavailable, UNAVAILABLE",
    })
    void distinguishesOAuthErrorCodes(int status, String error, Kind kind) {
        ProviderFailure failure = failed(exchange(json(status, "{\"error\":\"" + error + "\"}")));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.detail()).startsWith(error + " (HTTP " + status + ")");
    }

    @Test
    void keepsASanitizedDescriptionButNeverTheCodeOrSecretItQuotes() {
        String description = "code SplxlOBeZQQYbYS6WxSbIA for client s3cret-client-value is expired\\n<script>"
                + " eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig " + "x".repeat(300);

        ProviderFailure failure = failed(exchange(json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}")));

        assertThat(failure.detail())
                .startsWith("invalid_grant (HTTP 400): code [redacted] for client [redacted] is expired <script>")
                .doesNotContain(CODE.value(), TestProviders.CLIENT_SECRET, "eyJhbGciOiJSUzI1NiJ9", "\n")
                .hasSizeLessThan(200);
    }

    @Test
    void neverEchoesTheBodyOfAnAnswerItCannotRead() {
        ProviderFailure failure = failed(exchange(json(200, "{\"access_token\":\"leaked-token-value\",\"expires_in\":\"x\"}")));

        assertThat(failure.detail()).doesNotContain("leaked-token-value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/html        | <html><body>Welcome to nginx</body></html> | HTML",
        "application/json | []                                         | not a JSON object",
        "text/plain       | access_token=at&token_type=bearer          | not a JSON object",
        "application/json | {\"access_token\":                          | not a JSON object",
    })
    void rejectsBodiesThatAreNotAJsonObject(String contentType, String body, String detail) {
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", contentType).body(body).build()));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains(detail);
    }

    @Test
    void rejectsAnEmptyBody() {
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(200).build()));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("empty body");
    }

    @Test
    void treatsAnHtmlErrorPageFromAGatewayAsUnavailable() {
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(502)
                .setHeader("Content-Type", "text/html").body("<html>Bad Gateway</html>").build()));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.detail()).isEqualTo("HTTP 502");
    }

    @ParameterizedTest
    @CsvSource({"400, REJECTED", "403, REJECTED", "404, REJECTED", "401, INVALID_CLIENT"})
    void classifiesClientErrorsWithoutAnOAuthErrorObject(int status, Kind kind) {
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "text/html").body("<h1>nope</h1>").build()));

        assertThat(failure.kind()).isEqualTo(kind);
    }

    @Test
    void neverFollowsARedirect() {
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(302)
                .setHeader("Location", server.url("/elsewhere").toString()).build()));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("HTTP 302").contains("never followed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsReadingAHugeBodyAtTheCap() {
        // 4 MiB at 64 KiB per 100 ms would take 6 s: longer than the 2 s request timeout, so only a
        // client that stops at the cap answers INVALID_RESPONSE rather than UNAVAILABLE.
        Buffer huge = new Buffer().writeUtf8("{\"access_token\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}");
        ProviderFailure failure = failed(exchange(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/json").body(huge)
                .throttleBody(64 * 1024, 100, TimeUnit.MILLISECONDS).build()));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("longer than " + CallPolicy.DEFAULT_MAX_RESPONSE_BYTES + " bytes");
    }
}
