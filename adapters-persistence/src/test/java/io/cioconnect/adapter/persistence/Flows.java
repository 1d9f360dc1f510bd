package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Connect sessions and pending authorizations for the PostgreSQL tests, with whole-second times. */
final class Flows {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ReturnTo RETURN_TO = ReturnTo.parse("https://app.example.com/settings",
            Set.of("https://app.example.com"));

    private Flows() {
    }

    static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    static ConnectSession session(ConnectTicket ticket) {
        return new ConnectSession(UUID.randomUUID(), ticket.hash(), new Owner("owner-" + UUID.randomUUID()),
                new ProviderId("customerio"), RETURN_TO, null, Scopes.parse("full_access"), NOW,
                NOW.plus(Duration.ofMinutes(10)));
    }

    static ConnectTicket ticket() {
        return ConnectTicket.fromRandom(random(ConnectTicket.RANDOM_BYTES));
    }

    static State state() {
        return State.fromRandom(random(State.RANDOM_BYTES));
    }

    static PendingAuthorization pending(State state, PkceVerifier verifier) {
        return new PendingAuthorization(state.hash(), verifier,
                BrowserBinding.fromRandom(random(BrowserBinding.RANDOM_BYTES)).hash(), null,
                new Owner("owner-" + UUID.randomUUID()), new ProviderId("customerio"), RETURN_TO, null,
                Scopes.parse("full_access"), NOW, NOW.plus(Duration.ofMinutes(10)));
    }

    static PendingAuthorization pending(State state) {
        return pending(state, PkceVerifier.fromRandom(random(PkceVerifier.RANDOM_BYTES)));
    }
}
