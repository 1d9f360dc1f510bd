package io.cioconnect.application.service;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.TokenSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides what to revoke at a provider when a grant ends, by deletion or by a reconnection that replaces
 * it: nothing when the provider cannot revoke (App API keys included), due at once otherwise.
 */
public final class GrantRevocations {

    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;

    public GrantRevocations(ProviderRegistry providers, RandomSource random, Clock clock) {
        this.providers = providers;
        this.random = random;
        this.clock = clock;
    }

    /** The revocation of a deleted connection's grant. */
    Optional<PendingRevocation> ofDeleted(Connection deleted) {
        return due(deleted, Optional.of(RevocableToken.bestOf(deleted.tokens())));
    }

    /** The revocation of the grant that {@code fresh} replaces on reconnection. */
    Optional<PendingRevocation> ofReplaced(Connection replaced, TokenSet fresh) {
        return due(replaced, RevocableToken.ofReplaced(replaced.tokens(), fresh));
    }

    private Optional<PendingRevocation> due(Connection connection, Optional<RevocableToken> token) {
        boolean revocable = providers.find(connection.provider())
                .map(OAuthProvider::descriptor)
                .map(ProviderDescriptor::supportsRevocation)
                .orElse(false);
        return token.filter(t -> revocable)
                .map(t -> new PendingRevocation(random.uuid(), connection.provider(), t, 0, clock.instant(), null));
    }
}
