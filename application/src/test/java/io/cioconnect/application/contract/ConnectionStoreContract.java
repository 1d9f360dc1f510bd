package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static io.cioconnect.application.Fixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ConnectionStore.DeletedConnection;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConnectionStore}: storage, reconnection and deletion; refresh leases are in
 * {@link RefreshLeaseContract}, claims for the background refresher in {@link RefreshClaimContract}.
 */
public abstract class ConnectionStoreContract {

    protected static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    protected ConnectionStore store;
    protected RevocationQueue revocations;

    /** A fresh, empty connection store and the revocation queue its deletions feed. */
    protected abstract Stores createStores();

    /** The two stores under test. */
    public record Stores(ConnectionStore connections, RevocationQueue revocations) {
    }

    @BeforeEach
    void setUpStores() {
        Stores stores = createStores();
        store = stores.connections();
        revocations = stores.revocations();
    }

    @Test
    void findsAStoredConnectionWithEveryField() {
        Connection stored = store.saveConnected(connection("alice", NOW), NOTHING_TO_REVOKE);

        assertThat(store.findById(stored.id())).contains(stored);
        assertThat(stored.tokens().accessToken()).isNotNull();
    }

    @Test
    void keepsTokensWithoutRefreshTokenOrExpiry() {
        TokenSet apiKey = new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null, Scopes.none());
        Connection stored = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("bob"), new ProviderId("customerio-app-api"), apiKey, NOW), NOTHING_TO_REVOKE);

        assertThat(store.findById(stored.id()).orElseThrow().tokens()).isEqualTo(apiKey);
    }

    @Test
    void keepsAnAppApiKeyWithItsRegion() {
        TokenSet key = new AppApiKey("sandbox-0123456789").toTokenSet(AppApiRegion.EU);
        Connection stored = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("bob"), new ProviderId("customerio-app-api"), key, NOW), NOTHING_TO_REVOKE);

        assertThat(store.findById(stored.id()).orElseThrow().tokens()).isEqualTo(key);
        assertThat(store.list(ConnectionFilter.ofOwner(new Owner("bob")), null, 10).get(0).tokens().optionalAppApiRegion()).contains(AppApiRegion.EU);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store.findById(new ConnectionId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void listsOnlyTheOwnersConnectionsOldestFirst() {
        Connection first = store.saveConnected(connection("carol", NOW), NOTHING_TO_REVOKE);
        Connection second = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("carol"), new ProviderId("other"), tokens(NOW, Duration.ofHours(1)), NOW.plusSeconds(5)), NOTHING_TO_REVOKE);
        store.saveConnected(connection("dave", NOW), NOTHING_TO_REVOKE);

        assertThat(store.list(ConnectionFilter.ofOwner(new Owner("carol")), null, 10)).extracting(Connection::id).containsExactly(first.id(), second.id());
    }

    @Test
    void reconnectingKeepsIdAndCreationTimeAndReplacesCredentials() {
        Connection original = store.saveConnected(connection("erin", NOW), NOTHING_TO_REVOKE);
        LeasedWrites.write(store, original.id(), NOW,
                current -> current.markReauthorizationRequired("invalid_grant", NOW));
        TokenSet fresh = tokens(NOW.plusSeconds(60), Duration.ofHours(2));

        Connection reconnected = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("erin"), original.provider(), fresh, NOW.plusSeconds(60)), NOTHING_TO_REVOKE);

        assertThat(reconnected.id()).isEqualTo(original.id());
        assertThat(reconnected.createdAt()).isEqualTo(original.createdAt());
        assertThat(reconnected.tokens()).isEqualTo(fresh);
        assertThat(reconnected.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(reconnected.lastError()).isNull();
        assertThat(store.findById(original.id())).contains(reconnected);
        assertThat(store.list(ConnectionFilter.ofOwner(new Owner("erin")), null, 10)).hasSize(1);
    }

    @Test
    void reconnectingQueuesTheRevocationOfTheReplacedGrantWithTheReplacement() {
        Connection original = store.saveConnected(connection("erin", NOW), NOTHING_TO_REVOKE);
        List<Connection> replaced = new ArrayList<>();
        PendingRevocation revocation = new PendingRevocation(UUID.randomUUID(), original.provider(),
                RevocableToken.bestOf(original.tokens()), 0, NOW, null);

        Connection reconnected = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("erin"), original.provider(), tokens(NOW, Duration.ofHours(2)), NOW.plusSeconds(60)),
                old -> {
                    replaced.add(old);
                    return Optional.of(revocation);
                });

        assertThat(replaced).as("asked about the grant as it was before the replacement").containsExactly(original);
        assertThat(reconnected.id()).isEqualTo(original.id());
        assertThat(revocations.claimDue(NOW, Duration.ofMinutes(1), 10)).containsExactly(revocation);
    }

    @Test
    void aFirstConnectionReplacesNothingAndQueuesNothing() {
        List<Connection> replaced = new ArrayList<>();

        store.saveConnected(connection("erin", NOW), old -> {
            replaced.add(old);
            return Optional.of(new PendingRevocation(UUID.randomUUID(), old.provider(),
                    RevocableToken.bestOf(old.tokens()), 0, NOW, null));
        });

        assertThat(replaced).isEmpty();
        assertThat(revocations.claimDue(NOW, Duration.ofMinutes(1), 10)).isEmpty();
    }

    @Test
    void aReconnectionThatCannotQueueItsRevocationReplacesNothing() {
        Connection original = store.saveConnected(connection("erin", NOW), NOTHING_TO_REVOKE);

        assertThatThrownBy(() -> store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("erin"), original.provider(), tokens(NOW, Duration.ofHours(2)), NOW.plusSeconds(60)),
                old -> {
                    throw new IllegalStateException("no revocation could be built");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(store.findById(original.id())).contains(original);
        assertThat(revocations.claimDue(NOW, Duration.ofMinutes(1), 10)).isEmpty();
    }

    @Test
    void deletingRemovesTheConnectionAndQueuesItsRevocation() {
        Connection stored = store.saveConnected(connection("ivan", NOW), NOTHING_TO_REVOKE);
        PendingRevocation revocation = new PendingRevocation(UUID.randomUUID(), stored.provider(),
                RevocableToken.bestOf(stored.tokens()), 0, NOW, null);

        Optional<DeletedConnection> deleted = store.delete(stored.id(), connection -> Optional.of(revocation));

        assertThat(deleted).map(DeletedConnection::connection).contains(stored);
        assertThat(deleted.orElseThrow().queuedRevocation()).contains(revocation);
        assertThat(store.findById(stored.id())).isEmpty();
        assertThat(revocations.claimDue(NOW, Duration.ofMinutes(1), 10)).containsExactly(revocation);
    }

    @Test
    void deletingTwiceOrWithoutRevocationQueuesNothingMore() {
        Connection stored = store.saveConnected(connection("judy", NOW), NOTHING_TO_REVOKE);

        assertThat(store.delete(stored.id(), connection -> Optional.empty())).isPresent();
        assertThat(store.delete(stored.id(), connection -> Optional.empty())).isEmpty();
        assertThat(revocations.claimDue(NOW, Duration.ofMinutes(1), 10)).isEmpty();
    }
}
