package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.OWNER;
import static io.cioconnect.domain.DomainFixtures.PROVIDER;
import static io.cioconnect.domain.DomainFixtures.bytes;
import static io.cioconnect.domain.DomainFixtures.returnTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectSessionTest {

    private final ConnectTicket ticket = ConnectTicket.fromRandom(bytes(32, 4));

    private ConnectSession session(Instant expiresAt) {
        return new ConnectSession(UUID.randomUUID(), ticket.hash(), OWNER, PROVIDER, returnTo(), null, Scopes.none(), NOW,
                expiresAt);
    }

    @Test
    void expiresAtItsExpiryInstant() {
        ConnectSession session = session(NOW.plus(Duration.ofMinutes(10)));

        assertThat(session.isExpired(NOW)).isFalse();
        assertThat(session.isExpired(session.expiresAt().minusSeconds(1))).isFalse();
        assertThat(session.isExpired(session.expiresAt())).isTrue();
        assertThat(session.isExpired(session.expiresAt().plusSeconds(1))).isTrue();
    }

    @Test
    void keepsOnlyTheTicketsHash() {
        ConnectSession session = session(NOW.plus(Duration.ofMinutes(10)));

        assertThat(session.ticketHash()).isEqualTo(SecretHash.of(ticket.value()));
        assertThat(session.toString()).doesNotContain(ticket.value());
    }

    @Test
    void mustExpireAfterItIsCreated() {
        assertThatThrownBy(() -> session(NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session(NOW.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresEveryPart() {
        assertThatThrownBy(() -> new ConnectSession(UUID.randomUUID(), null, OWNER, PROVIDER, returnTo(),
                null, Scopes.none(), NOW, NOW.plusSeconds(60))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ConnectSession(UUID.randomUUID(), ticket.hash(), OWNER, PROVIDER, null,
                null, Scopes.none(), NOW, NOW.plusSeconds(60))).isInstanceOf(NullPointerException.class);
    }
}
