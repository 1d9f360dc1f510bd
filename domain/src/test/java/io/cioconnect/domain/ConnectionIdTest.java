package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionIdTest {

    @Test
    void parsesItsOwnTextualForm() {
        UUID uuid = UUID.randomUUID();
        ConnectionId id = ConnectionId.parse(uuid.toString());

        assertThat(id.value()).isEqualTo(uuid);
        assertThat(ConnectionId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "123", "not-a-uuid-at-all", "00000000-0000-0000-0000-00000000000g",
        "' OR 1=1 --"})
    void answersNotFoundForGarbage(String text) {
        assertFailsWith(ErrorCode.NOT_FOUND, () -> ConnectionId.parse(text));
    }

    @Test
    void rejectsANullValue() {
        assertThatThrownBy(() -> new ConnectionId(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "0-0-0-0-0", "{6f1c3a52-9a7e-4f1e-8c3b-2d5e6f7a8b9c}"})
    void answersNotFoundForLenientSpellingsOfAUuid(String text) {
        assertFailsWith(ErrorCode.NOT_FOUND, () -> ConnectionId.parse(text));
    }

    @Test
    void acceptsUpperCaseSpelling() {
        UUID uuid = UUID.randomUUID();
        assertThat(ConnectionId.parse(uuid.toString().toUpperCase(java.util.Locale.ROOT)).value()).isEqualTo(uuid);
    }
}
