package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.REDIRECT_URI;
import static io.cioconnect.adapter.customerio.TestProviders.VERIFIER;
import static io.cioconnect.adapter.customerio.TestProviders.json;
import static io.cioconnect.adapter.customerio.TestProviders.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape of token endpoint answer, and what the client makes of it (RFC 6749 §5.1/§5.2). */
class TokenResponseShapesIT {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private HttpOAuthProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        provider = new HttpOAuthProvider(TestProviders.settings(server, TokenRequestFormat.JSON,
                ClientAuthMethod.CLIENT_SECRET_POST), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TokenResult exchange(MockResponse response) {
        server.enqueue(response);
        return provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
    }

    private TokenSet issued(MockResponse response) {
        TokenResult result = exchange(response);
        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        return ((TokenResult.Issued) result).tokens();
    }

    private ProviderFailure failed(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Failed.class);
        return ((TokenResult.Failed) result).failure();
    }

    @Test
    void acceptsACompleteTokenResponse() {
        TokenSet tokens = issued(tokens("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt-1\",\"scope\":\"full_access\"}"));

        assertThat(tokens.accessToken()).isEqualTo(new AccessToken("at-1"));
        assertThat(tokens.refreshToken()).isEqualTo(new RefreshToken("rt-1"));
        assertThat(tokens.type()).isEqualTo(TokenType.BEARER);
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(tokens.scopes()).isEqualTo(Scopes.parse("full_access"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "Bearer"})
    void comparesTheTokenTypeCaseInsensitively(String type) {
        assertThat(issued(tokens("{\"access_token\":\"at\",\"token_type\":\"" + type + "\"}")).type())
                .isEqualTo(TokenType.BEARER);
    }

    @Test
    void treatsAMissingTokenTypeAsBearer() {
        assertThat(issued(tokens("{\"access_token\":\"at\",\"expires_in\":60}")).type()).isEqualTo(TokenType.BEARER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"mac\"", "\"DPoP\"", "\"\"", "42"})
    void rejectsUnknownTokenTypes(String type) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"token_type\":" + type + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("token_type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3600       | 3600",
        "\"3600\"   | 3600",
        "\" 120 \"  | 120",
        "59.9       | 59",
        "null       | 3600",
        "1e400      | 31536000",
        "99999999999999999999 | 31536000",
    })
    void readsExpiresInAsNumberOrNumericStringWithDefaultAndClamp(String expiresIn, long seconds) {
        TokenSet tokens = issued(tokens("{\"access_token\":\"at\",\"expires_in\":" + expiresIn + "}"));

        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(seconds));
    }

    @Test
    void usesTheDocumentedDefaultWhenExpiresInIsMissing() {
        assertThat(issued(tokens("{\"access_token\":\"at\"}")).expiresAt()).isEqualTo(NOW.plus(ExpiresIn.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "0.5", "\"soon\"", "\"\"", "true", "{}", "[3600]", "\"12e3\""})
    void rejectsNonsenseExpiresIn(String expiresIn) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"expires_in\":" + expiresIn + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("expires_in");
    }

    @Test
    void recordsAGrantNarrowerThanAsked() throws Exception {
        server.enqueue(tokens("{\"access_token\":\"at\",\"scope\":\"read\"}"));

        TokenResult result = provider.refresh(new RefreshToken("rt"), Scopes.parse("read write"));

        assertThat(((TokenResult.Issued) result).tokens().scopes()).isEqualTo(Scopes.parse("read"));
    }

    @Test
    void recordsTheRequestedScopesWhenTheProviderDoesNotRestateThem() {
        server.enqueue(tokens("{\"access_token\":\"at\"}"));

        TokenResult result = provider.refresh(new RefreshToken("rt"), Scopes.parse("read write"));

        assertThat(((TokenResult.Issued) result).tokens().scopes()).isEqualTo(Scopes.parse("read write"));
    }

    @Test
    void keepsTheOldRefreshTokenWhenARefreshDoesNotRotateIt() {
        server.enqueue(tokens("{\"access_token\":\"at-2\",\"expires_in\":60}"));
        TokenSet before = new TokenSet(new AccessToken("at-1"), new RefreshToken("rt-1"), TokenType.BEARER,
                NOW, Scopes.parse("full_access"));

        TokenSet fresh = ((TokenResult.Issued) provider.refresh(new RefreshToken("rt-1"), before.scopes())).tokens();

        assertThat(fresh.refreshToken()).isNull();
        TokenSet after = before.renewedBy(fresh);
        assertThat(after.refreshToken()).isEqualTo(new RefreshToken("rt-1"));
        assertThat(after.accessToken()).isEqualTo(new AccessToken("at-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"token_type\":\"Bearer\",\"expires_in\":3600}",
        "{\"access_token\":null}",
        "{\"access_token\":\"\"}",
        "{\"access_token\":12345}",
        "{\"access_token\":\"has space\"}",
        "{\"access_token\":\"line\\r\\nbreak\"}",
    })
    void rejectsAResponseWithoutAUsableAccessToken(String body) {
        ProviderFailure failure = failed(exchange(tokens(body)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("access_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "17", "\"a b\""})
    void rejectsAMalformedRefreshToken(String refresh) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"refresh_token\":" + refresh + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void rejectsDuplicateMembersInsteadOfPickingOne() {
        assertThat(failed(exchange(tokens("{\"access_token\":\"a\",\"access_token\":\"b\"}"))).kind())
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

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

    @Test
    void countsTheLifetimeFromWhenTheRequestLeft() {
        Instant sent = NOW;
        TokenSet tokens = issued(tokens("{\"access_token\":\"at\",\"expires_in\":120}"));

        assertThat(Duration.between(sent, tokens.expiresAt())).isEqualTo(Duration.ofSeconds(120));
    }
}
