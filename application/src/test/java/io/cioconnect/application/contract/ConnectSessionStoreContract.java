package io.cioconnect.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConnectSessionStore}; run against every implementation. */
public abstract class ConnectSessionStoreContract extends ConsumeOnceStoreContract<ConnectSession> {

    private ConnectSessionStore store;

    /** A fresh, empty store for each test. */
    protected abstract ConnectSessionStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Override
    protected ConnectSession newValue(SecretHash key, Instant expiresAt) {
        return new ConnectSession(UUID.randomUUID(), key, new Owner("user-" + UUID.randomUUID()),
                new ProviderId("customerio"),
                ReturnTo.parse("https://app.example.com/settings?tab=integrations#top", Set.of("https://app.example.com")),
                new ClientState("host-state " + UUID.randomUUID()), Scopes.parse("full_access"), NOW, expiresAt);
    }

    @Override
    protected void save(ConnectSession value) {
        store.save(value);
    }

    @Override
    protected Optional<ConnectSession> consume(SecretHash key, Instant now) {
        return store.consume(key, now);
    }

    @Override
    protected int purgeExpired(Instant now) {
        return store.purgeExpired(now);
    }

    @Test
    void keepsEveryFieldOfASession() {
        ConnectSession session = newValue(randomKey(), NOW.plus(Duration.ofMinutes(10)));
        store.save(session);

        ConnectSession read = store.consume(session.ticketHash(), NOW).orElseThrow();

        assertThat(read).isEqualTo(session);
    }

    @Test
    void keepsASessionWithoutClientState() {
        ConnectSession given = newValue(randomKey(), NOW.plus(Duration.ofMinutes(10)));
        ConnectSession session = new ConnectSession(given.id(), given.ticketHash(), given.owner(), given.provider(),
                given.returnTo(), null, given.scopes(), given.createdAt(), given.expiresAt());
        store.save(session);

        assertThat(store.consume(session.ticketHash(), NOW)).contains(session);
    }
}
