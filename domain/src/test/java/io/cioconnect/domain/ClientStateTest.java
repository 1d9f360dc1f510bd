package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "a b", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "session:42|nonce=abc"})
    void takesOneTo256PrintableAsciiCharacters(String value) {
        assertThat(new ClientState(value).value()).isEqualTo(value);
        assertThat(new ClientState("c".repeat(ClientState.MAX_LENGTH)).value()).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "line\nbreak", "cr\rhere", "nul\u0000", "del\u007f", "caf\u00e9", "\u2028"})
    void refusesEmptyControlAndNonAsciiText(String value) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new ClientState(value));
    }

    @Test
    void refusesMoreThan256CharactersAndNull() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new ClientState("c".repeat(ClientState.MAX_LENGTH + 1)));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new ClientState(null));
    }

    @Test
    void isOptionalButNeverBlankWhenGiven() {
        assertThat(ClientState.optional(null)).isEmpty();
        assertThat(ClientState.optional("s")).contains(new ClientState("s"));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> ClientState.optional(""));
    }

    @Test
    void neverPrintsItsValue() {
        assertThat(new ClientState("host-session-value").toString()).isEqualTo("ClientState[redacted]");
    }
}
