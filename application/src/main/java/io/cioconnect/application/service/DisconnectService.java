package io.cioconnect.application.service;

import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import java.time.Clock;
import java.util.Optional;

/**
 * Deletes a connection: its credentials are destroyed locally and, in the same step, a revocation is
 * queued; the revocation is then tried at once and, if the provider is down, later by the retry job.
 */
public final class DisconnectService implements DisconnectUseCase {

    private final ConnectionStore connections;
    private final ProviderRegistry providers;
    private final RevocationSender sender;
    private final RandomSource random;
    private final Clock clock;

    public DisconnectService(ConnectionStore connections, RevocationSender sender, ProviderRegistry providers,
            RandomSource random, Clock clock) {
        this.connections = connections;
        this.providers = providers;
        this.sender = sender;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public void disconnect(ConnectionId id) {
        connections.delete(id, this::revocationFor)
                .flatMap(ConnectionStore.DeletedConnection::queuedRevocation)
                .ifPresent(sender::send);
    }

    private Optional<PendingRevocation> revocationFor(Connection connection) {
        boolean revocable = providers.find(connection.provider())
                .map(OAuthProvider::descriptor)
                .map(ProviderDescriptor::supportsRevocation)
                .orElse(false);
        if (!revocable) {
            return Optional.empty();
        }
        return Optional.of(new PendingRevocation(random.uuid(), connection.provider(),
                RevocableToken.bestOf(connection.tokens()), 0, clock.instant(), null));
    }
}
