package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceVerifierTest {

    private static final String RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    /** The 32 octets RFC 7636 Appendix B encodes into its verifier. */
    private static final int[] RFC7636_OCTETS = {116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173,
        187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121};

    @Test
    void derivesTheS256ChallengeOfRfc7636AppendixB() {
        assertThat(new PkceVerifier(RFC7636_VERIFIER).challenge().value()).isEqualTo(RFC7636_CHALLENGE);
    }

    @Test
    void encodesTheRfc7636AppendixBOctetsIntoItsVerifier() {
        byte[] octets = new byte[RFC7636_OCTETS.length];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) RFC7636_OCTETS[i];
        }
        assertThat(PkceVerifier.fromRandom(octets).value()).isEqualTo(RFC7636_VERIFIER);
    }

    @Test
    void mintsA43CharacterVerifierFrom32RandomBytes() {
        assertThat(PkceVerifier.fromRandom(DomainFixtures.bytes(32, 0xAB)).value()).hasSize(43);
    }

    @Test
    void rejectsFewerThan32RandomBytes() {
        assertThatThrownBy(() -> PkceVerifier.fromRandom(DomainFixtures.bytes(31, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheShortestAndLongestLegalVerifiers() {
        assertThat(new PkceVerifier("a".repeat(43)).value()).hasSize(43);
        assertThat(new PkceVerifier("A-._~9".repeat(21) + "xy").value()).hasSize(128);
    }

    @Test
    void rejectsAVerifierShorterThan43Characters() {
        assertThatThrownBy(() -> new PkceVerifier("a".repeat(42))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAVerifierLongerThan128Characters() {
        assertThatThrownBy(() -> new PkceVerifier("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "/", "=", " ", "%", "é", "\n"})
    void rejectsCharactersOutsideTheUnreservedSet(String illegal) {
        String value = "a".repeat(42) + illegal;
        assertThatThrownBy(() -> new PkceVerifier(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> new PkceVerifier(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PkceVerifier(" ".repeat(43))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void speaksOnlyS256() {
        assertThat(PkceChallenge.METHOD).isEqualTo("S256");
    }

    @Test
    void redactsTheVerifierInToString() {
        assertThat(new PkceVerifier(RFC7636_VERIFIER).toString())
                .isEqualTo("PkceVerifier[redacted]")
                .doesNotContain(RFC7636_VERIFIER);
    }

    @Test
    void rejectsABlankChallenge() {
        assertThatThrownBy(() -> new PkceChallenge(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
