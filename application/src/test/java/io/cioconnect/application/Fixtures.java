package io.cioconnect.application;

import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Small builders of domain values for tests. */
public final class Fixtures {

    public static final ProviderId CUSTOMERIO = new ProviderId("customerio");

    private Fixtures() {
    }

    /** For stores under test: a reconnection whose replaced grant is not to be revoked. */
    public static final Function<Connection, Optional<PendingRevocation>> NOTHING_TO_REVOKE = replaced -> Optional.empty();

    /** A token set with unique token values, expiring {@code lifetime} after {@code now}. */
    public static TokenSet tokens(Instant now, Duration lifetime) {
        String unique = UUID.randomUUID().toString();
        return new TokenSet(new AccessToken("access-" + unique), new RefreshToken("refresh-" + unique),
                TokenType.BEARER, now.plus(lifetime), Scopes.parse("full_access"));
    }

    /** A new active connection for the owner at {@code customerio}, its token valid for an hour. */
    public static Connection connection(String owner, Instant now) {
        return Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner), CUSTOMERIO,
                tokens(now, Duration.ofHours(1)), now);
    }
}
