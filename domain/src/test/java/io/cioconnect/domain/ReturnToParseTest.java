package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.ALLOWED_ORIGINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-redirect guard of the connect flow's first step: only absolute URLs on an allowed origin pass. */
class ReturnToParseTest {

    private static final String BASE = "https://app.example.com/settings";

    @ParameterizedTest
    @ValueSource(strings = {BASE, BASE + "?tab=crm&x=1", BASE + "#section", BASE + "?tab=crm#section",
        "https://app.example.com", "https://app.example.com/a%20b", "http://localhost:3000/callback"})
    void acceptsAbsoluteUrlsOnAnAllowedOrigin(String raw) {
        assertThat(ReturnTo.parse(raw, ALLOWED_ORIGINS).uri()).isEqualTo(URI.create(raw));
    }

    @Test
    void normalisesAnExplicitDefaultPortAway() {
        ReturnTo returnTo = ReturnTo.parse("https://app.example.com:443/settings", ALLOWED_ORIGINS);

        assertThat(returnTo.origin()).isEqualTo("https://app.example.com");
    }

    @Test
    void comparesHostAndSchemeCaseInsensitively() {
        assertThat(ReturnTo.parse("https://APP.Example.COM/settings", ALLOWED_ORIGINS).origin())
                .isEqualTo("https://app.example.com");
        assertThat(ReturnTo.parse("HTTPS://app.example.com/settings", ALLOWED_ORIGINS).origin())
                .isEqualTo("https://app.example.com");
    }

    @Test
    void keepsANonDefaultPortInTheOrigin() {
        assertThat(ReturnTo.parse("http://localhost:3000/", ALLOWED_ORIGINS).origin())
                .isEqualTo("http://localhost:3000");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.com", "//app.example.com/settings", "https:evil.com", "https:/app.example.com/settings",
        "/\\evil.com", "https://app.example.com\\@evil.com", "https://app.example.com/a\\b",
        "https://app.example.com@evil.com", "https://user:pass@app.example.com/settings",
        "https://evil.com", "https://evil.com/settings", "https://app.example.com.evil.com/settings",
        "https://app.example.com:/settings", "https://app.example.com:8443/settings",
        "http://app.example.com/settings", "http://localhost:3001/", "https://localhost:3000/",
        "javascript:alert(1)", "JavaScript://app.example.com/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "ftp://app.example.com/settings",
        "/settings", "settings", "?x=1",
        "https://app.example.com/\r\nSet-Cookie:x=y", "https://app.example.com/a\nb", "https://app.example.com/a\rb",
        "https://app.example.com/a b", "https://app.example.com/a\tb", " https://app.example.com/settings",
        "https://app.example.com/%0d%0aSet-Cookie:x=y", "https://app.example.com/%0A", "https://app.example.com/%00",
        "https://app.example.com/%7F", "https://app.example.com/?q=%0a",
        "https://app.example.com/caf\u00e9", "https://\u0430pp.example.com/", "https://app.example.com/\u0000"})
    void rejectsEverythingThatCouldRedirectElsewhereOrInjectHeaders(String raw) {
        assertThatThrownBy(() -> ReturnTo.parse(raw, ALLOWED_ORIGINS))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rejectsUrlsLongerThan2048Characters() {
        String exact = BASE + "?q=" + "a".repeat(ReturnTo.MAX_LENGTH - BASE.length() - 3);
        assertThat(exact).hasSize(ReturnTo.MAX_LENGTH);
        assertThat(ReturnTo.parse(exact, ALLOWED_ORIGINS).uri().toString()).isEqualTo(exact);

        assertThatThrownBy(() -> ReturnTo.parse(exact + "a", ALLOWED_ORIGINS))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void neverEchoesTheRejectedUrlInItsMessage() {
        assertThatThrownBy(() -> ReturnTo.parse("https://evil.com/steal", ALLOWED_ORIGINS))
                .hasMessageNotContaining("evil.com");
        assertThatThrownBy(() -> ReturnTo.parse("https://app.example.com@evil.com", ALLOWED_ORIGINS))
                .hasMessageNotContaining("evil.com");
    }

    @Test
    void constructorRequiresAnAbsoluteUrlWithAHost() {
        assertThatThrownBy(() -> new ReturnTo(null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new ReturnTo(URI.create("/settings"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new ReturnTo(URI.create("javascript:alert(1)"))).isInstanceOf(DomainException.class);
    }
}
