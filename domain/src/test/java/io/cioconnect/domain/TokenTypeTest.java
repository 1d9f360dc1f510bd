package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
    void parsesBearerCaseInsensitively(String value) {
        assertThat(TokenType.parse(value)).contains(TokenType.BEARER);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"mac", "DPoP", "Basic", "Bearer ", " bearer", "bearer2"})
    void answersEmptyForUnknownTypes(String value) {
        assertThat(TokenType.parse(value)).isEmpty();
    }

    @Test
    void handsOutTheCanonicalSpelling() {
        assertThat(TokenType.BEARER.wireName()).isEqualTo("Bearer");
    }
}
