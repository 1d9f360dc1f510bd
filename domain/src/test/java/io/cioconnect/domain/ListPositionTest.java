package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListPositionTest {

    private static ListPosition at(long secondsAfterNow, String uuid) {
        return new ListPosition(NOW.plusSeconds(secondsAfterNow), new ConnectionId(UUID.fromString(uuid)));
    }

    @Test
    void ordersByCreationTimeFirst() {
        assertThat(at(1, "ffffffff-0000-4000-8000-000000000000"))
                .isLessThan(at(2, "00000000-0000-4000-8000-000000000000"));
    }

    /** UUID.compareTo is signed (8... sorts before 7...); PostgreSQL compares the bytes unsigned, as text does. */
    @Test
    void breaksTiesByIdInTheByteOrderPostgresqlUses() {
        ListPosition low = at(0, "7fffffff-ffff-4fff-bfff-ffffffffffff");
        ListPosition high = at(0, "80000000-0000-4000-8000-000000000000");

        assertThat(low.id().value().compareTo(high.id().value())).isPositive();
        assertThat(low).isLessThan(high);
        assertThat(List.of(high, low).stream().sorted().toList()).containsExactly(low, high);
    }

    @Test
    void precedesOnlyConnectionsListedAfterIt() {
        Connection connection = DomainFixtures.activeConnection();
        ListPosition own = ListPosition.of(connection);

        assertThat(own.precedes(connection)).isFalse();
        assertThat(new ListPosition(connection.createdAt().minusNanos(1), connection.id()).precedes(connection)).isTrue();
        assertThat(new ListPosition(connection.createdAt().plusNanos(1), connection.id()).precedes(connection)).isFalse();
    }
}
