package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionStatusTest {

    @Test
    void anActiveConnectionCanLoseItsGrant() {
        assertThat(ConnectionStatus.ACTIVE.canBecome(ConnectionStatus.REAUTHORIZATION_REQUIRED)).isTrue();
    }

    @Test
    void anyConnectionCanBecomeActiveByReconnecting() {
        assertThat(ConnectionStatus.ACTIVE.canBecome(ConnectionStatus.ACTIVE)).isTrue();
        assertThat(ConnectionStatus.REAUTHORIZATION_REQUIRED.canBecome(ConnectionStatus.ACTIVE)).isTrue();
    }

    @Test
    void aConnectionThatLostItsGrantCannotLoseItAgain() {
        assertThat(ConnectionStatus.REAUTHORIZATION_REQUIRED.canBecome(ConnectionStatus.REAUTHORIZATION_REQUIRED))
                .isFalse();
    }

    @Test
    void usesSnakeCaseWireNames() {
        assertThat(ConnectionStatus.ACTIVE.wireName()).isEqualTo("active");
        assertThat(ConnectionStatus.REAUTHORIZATION_REQUIRED.wireName()).isEqualTo("reauthorization_required");
    }

    @ParameterizedTest
    @EnumSource(ConnectionStatus.class)
    void parsesItsOwnWireName(ConnectionStatus status) {
        assertThat(ConnectionStatus.fromWireName(status.wireName())).isEqualTo(status);
    }

    @Test
    void rejectsAnUnknownWireName() {
        assertThatThrownBy(() -> ConnectionStatus.fromWireName("revoked")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesOnlyTheExactWireNameOfAFilter() {
        assertThat(ConnectionStatus.parse("reauthorization_required")).contains(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(ConnectionStatus.parse("Active")).isEmpty();
        assertThat(ConnectionStatus.parse("ACTIVE")).isEmpty();
        assertThat(ConnectionStatus.parse(" active")).isEmpty();
        assertThat(ConnectionStatus.parse("revoked")).isEmpty();
        assertThat(ConnectionStatus.parse("")).isEmpty();
    }
}
