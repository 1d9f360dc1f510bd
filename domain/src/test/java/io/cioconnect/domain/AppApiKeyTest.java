package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AppApiKeyTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void dropsTheWhitespaceOfACarelessPaste() {
        assertThat(AppApiKey.parse("  " + KEY + "\n")).contains(new AppApiKey(KEY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "short", "0123456789 abcdef", "0123456789\r\nX-Injected: 1", "clé-0123456789"})
    void cannotBeBlankShortOrCarrySpacesControlsOrNonAscii(String raw) {
        assertThat(AppApiKey.parse(raw)).isEmpty();
    }

    @Test
    void refusesAnOverlongValueWithoutQuotingIt() {
        String longKey = "k".repeat(AppApiKey.MAX_LENGTH + 1);

        assertThat(AppApiKey.parse(longKey)).isEmpty();
        assertThatThrownBy(() -> new AppApiKey(longKey)).isInstanceOf(DomainException.class)
                .hasMessageNotContaining(longKey.substring(0, 20));
    }

    @Test
    void becomesABearerTokenOfItsRegionWithoutRefreshTokenExpiryOrScopes() {
        TokenSet tokens = new AppApiKey(KEY).toTokenSet(AppApiRegion.EU);

        assertThat(tokens.accessToken().value()).isEqualTo(KEY);
        assertThat(tokens.type()).isEqualTo(TokenType.BEARER);
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.expiresAt()).isNull();
        assertThat(tokens.scopes().isEmpty()).as("a region is not a scope").isTrue();
        assertThat(tokens.optionalAppApiRegion()).contains(AppApiRegion.EU);
    }

    @Test
    void neverPrintsItsValue() {
        assertThat(new AppApiKey(KEY).toString()).isEqualTo("AppApiKey[redacted]").doesNotContain(KEY);
    }
}
