package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "5m, PT5M", "1h, PT1H", "PT90S, PT1M30S", "500ms, PT0.5S", "pt2s, PT2S"})
    void readsTheDurationsOfTheSpec(String text, Duration expected) {
        assertThat(DurationText.parse(text)).contains(expected);
    }

    @Test
    void refusesDurationsItDoesNotKnow() {
        assertThat(DurationText.parse("5 minutes")).isEmpty();
        assertThat(DurationText.parse("1d")).isEmpty();
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

    @Test
    void checksLoopbackByLiteralNameOnly() {
        assertThat(EndpointUrls.isLoopback("localhost")).isTrue();
        assertThat(EndpointUrls.isLoopback("127.0.0.1")).isTrue();
        assertThat(EndpointUrls.isLoopback("[::1]")).isTrue();
        assertThat(EndpointUrls.isLoopback("localhost.evil.com")).isFalse();
        assertThat(EndpointUrls.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(EndpointUrls.problem("http://[::1]:8080/token")).isEqualTo(Optional.empty());
    }
}
