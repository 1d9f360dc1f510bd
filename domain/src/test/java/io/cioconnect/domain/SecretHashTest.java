package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHashTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesWithSha256() {
        assertThat(SecretHash.of("abc").hex()).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void acceptsSixtyFourLowerCaseHexDigits() {
        assertThat(new SecretHash(SHA256_OF_ABC)).isEqualTo(SecretHash.of("abc"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc",
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
        "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void rejectsAnythingButSixtyFourLowerCaseHexDigits(String hex) {
        assertThatThrownBy(() -> new SecretHash(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToHashABlankSecret() {
        assertThatThrownBy(() -> SecretHash.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
