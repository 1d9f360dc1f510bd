package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@code ConnectionStore.list}: filters, the listing order, and pages that resume where one ended. */
public abstract class ConnectionListingContract {

    private static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");
    private static final ProviderId CUSTOMERIO = new ProviderId("customerio");
    private static final ProviderId SANDBOX = new ProviderId("sandbox");

    private ConnectionStore store;

    /** A fresh, empty connection store. */
    protected abstract ConnectionStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    private Connection stored(String owner, ProviderId provider, Instant createdAt, UUID id) {
        return store.saveConnected(Connection.connect(new ConnectionId(id), new Owner(owner), provider,
                tokens(createdAt, Duration.ofHours(1)), createdAt), NOTHING_TO_REVOKE);
    }

    private Connection stored(String owner, ProviderId provider, long secondsAfterNow) {
        return stored(owner, provider, NOW.plusSeconds(secondsAfterNow), UUID.randomUUID());
    }

    private Connection lostGrant(Connection connection) {
        return LeasedWrites.write(store, connection.id(), NOW,
                current -> current.markReauthorizationRequired("invalid_grant", NOW.plusSeconds(60)));
    }

    private List<ConnectionId> ids(ConnectionFilter filter, ListPosition after, int limit) {
        return store.list(filter, after, limit).stream().map(Connection::id).toList();
    }

    @Test
    void listsEveryOwnersConnectionsOldestFirst() {
        Connection second = stored("bob", CUSTOMERIO, 2);
        Connection first = stored("alice", SANDBOX, 1);
        Connection third = stored("alice", CUSTOMERIO, 3);

        assertThat(ids(ConnectionFilter.ANY, null, 10)).containsExactly(first.id(), second.id(), third.id());
        assertThat(store.list(ConnectionFilter.ANY, null, 10)).contains(first);
    }

    @Test
    void listsNothingFromAnEmptyStore() {
        assertThat(store.list(ConnectionFilter.ANY, null, 10)).isEmpty();
    }

    @Test
    void showsOnlyWhatEverySetCriterionOfTheFilterMatches() {
        Connection alicesSandbox = stored("alice", SANDBOX, 1);
        Connection alicesCustomerIo = lostGrant(stored("alice", CUSTOMERIO, 2));
        Connection bobsCustomerIo = stored("bob", CUSTOMERIO, 3);

        assertThat(ids(ConnectionFilter.ofOwner(new Owner("alice")), null, 10))
                .containsExactly(alicesSandbox.id(), alicesCustomerIo.id());
        assertThat(ids(new ConnectionFilter(null, CUSTOMERIO, null), null, 10))
                .containsExactly(alicesCustomerIo.id(), bobsCustomerIo.id());
        assertThat(ids(new ConnectionFilter(null, null, ConnectionStatus.ACTIVE), null, 10))
                .containsExactly(alicesSandbox.id(), bobsCustomerIo.id());
        assertThat(ids(new ConnectionFilter(new Owner("alice"), CUSTOMERIO, ConnectionStatus.REAUTHORIZATION_REQUIRED),
                null, 10)).containsExactly(alicesCustomerIo.id());
        assertThat(ids(new ConnectionFilter(new Owner("bob"), SANDBOX, null), null, 10)).isEmpty();
    }

    @Test
    void returnsAtMostTheLimit() {
        Connection first = stored("a", CUSTOMERIO, 1);
        Connection second = stored("b", CUSTOMERIO, 2);
        stored("c", CUSTOMERIO, 3);

        assertThat(ids(ConnectionFilter.ANY, null, 2)).containsExactly(first.id(), second.id());
        assertThat(ids(ConnectionFilter.ANY, null, 1)).containsExactly(first.id());
    }

    /** Connections made in the same instant are ordered by id, compared as PostgreSQL compares uuid (unsigned bytes). */
    @Test
    void ordersConnectionsMadeInTheSameInstantById() {
        Connection high = stored("a", CUSTOMERIO, NOW, UUID.fromString("80000000-0000-4000-8000-000000000000"));
        Connection low = stored("b", CUSTOMERIO, NOW, UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"));
        Connection top = stored("c", CUSTOMERIO, NOW, UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"));

        assertThat(ids(ConnectionFilter.ANY, null, 10)).containsExactly(low.id(), high.id(), top.id());
        assertThat(ids(ConnectionFilter.ANY, ListPosition.of(low), 10)).containsExactly(high.id(), top.id());
    }

    @Test
    void pagesResumeJustAfterThePositionWithoutGapsOrRepeats() {
        List<ConnectionId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Pairs share an instant, so pages also have to split ties.
            all.add(stored("owner-" + i, CUSTOMERIO, NOW.plusSeconds(i / 2), UUID.randomUUID()).id());
        }
        List<ConnectionId> expected = ids(ConnectionFilter.ANY, null, 100);
        assertThat(expected).containsExactlyInAnyOrderElementsOf(all);

        List<ConnectionId> paged = new ArrayList<>();
        ListPosition after = null;
        for (int page = 0; page < 10; page++) {
            List<Connection> found = store.list(ConnectionFilter.ANY, after, 3);
            found.forEach(connection -> paged.add(connection.id()));
            if (found.size() < 3) {
                break;
            }
            after = ListPosition.of(found.get(found.size() - 1));
        }
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void resumesAfterAPositionWhoseConnectionWasDeleted() {
        Connection first = stored("a", CUSTOMERIO, 1);
        Connection second = stored("b", CUSTOMERIO, 2);
        Connection third = stored("c", CUSTOMERIO, 3);
        store.delete(second.id(), connection -> Optional.empty());

        assertThat(ids(ConnectionFilter.ANY, ListPosition.of(second), 10)).containsExactly(third.id());
        assertThat(ids(ConnectionFilter.ANY, ListPosition.of(first), 10)).containsExactly(third.id());
    }

    @Test
    void appliesTheFilterAndThePositionTogether() {
        Connection first = stored("alice", CUSTOMERIO, 1);
        stored("alice", SANDBOX, 2);
        Connection third = stored("bob", CUSTOMERIO, 3);
        Connection fourth = stored("carol", CUSTOMERIO, 4);

        assertThat(ids(new ConnectionFilter(null, CUSTOMERIO, null), ListPosition.of(first), 1))
                .containsExactly(third.id());
        assertThat(ids(new ConnectionFilter(null, CUSTOMERIO, null), ListPosition.of(third), 5))
                .containsExactly(fourth.id());
    }
}
