package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small parsing and encoding rules the client is built from. */
class SmallRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void readsRetryAfterAsSeconds() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(RetryAfter.parse("Tue, 01 Jan 2030 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 01 Jan 2030 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "99999999999", ""})
    void ignoresRetryAfterItCannotRead(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void encodesBasicCredentialsPerRfc6749Section231() {
        String header = FormEncoding.basicAuthorization("a b", "p@ss:w/rd");

        assertThat(new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("a+b:p%40ss%3Aw%2Frd");
    }

    @Test
    void redactsTheSecretsWeSentAndAnythingTokenLike() {
        String text = SafeText.description("bad code abc123 and jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x", List.of("abc123"));

        assertThat(text).isEqualTo("bad code [redacted] and jwt [redacted]");
    }

    @Test
    void keepsOnlySafeCharactersOfAnErrorCode() {
        assertThat(SafeText.code("invalid_grant\r\n<b>")).isEqualTo("invalid_grantb");
        assertThat(SafeText.code("\u00e9\u00e9")).isEqualTo("unnamed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://api.customer.io/token              | must use https (plain http is allowed only for loopback hosts)",
        "http://127.evil.example/token             | must use https (plain http is allowed only for loopback hosts)",
        "http://localhost.evil.com/token           | must use https (plain http is allowed only for loopback hosts)",
        "/v1/oauth/token                           | must be an absolute http(s) URL with a host",
        "ftp://api.customer.io/token               | must be an absolute http(s) URL with a host",
        "https://user:very-secret-value@api.customer.io/t | must not contain user info or a fragment",
        "https://api.customer.io/token#frag        | must not contain user info or a fragment",
        "https://api customer.io/token             | is not a valid URL",
    })
    void explainsWhatIsWrongWithAProviderUrlWithoutRepeatingIt(String url, String problem) {
        assertThat(EndpointUrls.problem(url)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.customer.io/v1/oauth/token", "http://localhost:8080/token",
        "http://127.0.0.1:9000/token", "http://[::1]:8080/token"})
    void acceptsHttpsAndPlainHttpOnLoopbackHosts(String url) {
        assertThat(EndpointUrls.problem(url)).isEmpty();
    }

    @Test
    void refusesAnAuthorizeUrlThatAlreadyCarriesOurParameters() {
        assertThat(EndpointUrls.authorizeUrlProblem(URI.create("https://fly.customer.io/a?response_type=token")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("must not carry any of response_type"));
        assertThat(EndpointUrls.authorizeUrlProblem(URI.create("https://fly.customer.io/a?prompt=consent"))).isEmpty();
    }
}
