package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.OWNER;
import static io.cioconnect.domain.DomainFixtures.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionFilterTest {

    private final Connection active = DomainFixtures.activeConnection();
    private final Connection lostGrant = active.markReauthorizationRequired("invalid_grant", NOW);

    @Test
    void anyMatchesEveryConnection() {
        assertThat(ConnectionFilter.ANY.matches(active)).isTrue();
        assertThat(ConnectionFilter.ANY.matches(lostGrant)).isTrue();
    }

    @Test
    void matchesOnlyWhenEverySetCriterionHolds() {
        assertThat(new ConnectionFilter(OWNER, PROVIDER, ConnectionStatus.ACTIVE).matches(active)).isTrue();
        assertThat(new ConnectionFilter(OWNER, PROVIDER, ConnectionStatus.ACTIVE).matches(lostGrant)).isFalse();
        assertThat(new ConnectionFilter(new Owner("someone-else"), null, null).matches(active)).isFalse();
        assertThat(new ConnectionFilter(null, new ProviderId("sandbox"), null).matches(active)).isFalse();
        assertThat(new ConnectionFilter(null, null, ConnectionStatus.REAUTHORIZATION_REQUIRED).matches(lostGrant)).isTrue();
    }
}
