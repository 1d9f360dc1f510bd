package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryAndHousekeepingServicesTest {

    private final TestCore core = TestCore.create();
    private final FlowSteps steps = new FlowSteps(core);

    @Test
    void describesAConnectionWithoutItsCredentials() {
        ConnectionId id = core.connect("alice");

        ConnectionSummary summary = core.getConnection.get(id);

        assertThat(summary.id()).isEqualTo(id);
        assertThat(summary.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(summary.accessTokenExpiresAt()).isEqualTo(core.clock.instant().plus(Duration.ofHours(1)));
        assertThat(summary.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void listsOnlyTheOwnersConnections() {
        ConnectionId alices = core.connect("alice");
        core.connect("bob");

        assertThat(core.listConnections.list(new Owner("alice"))).extracting(ConnectionSummary::id).containsExactly(alices);
        assertThat(core.listConnections.list(new Owner("nobody"))).isEmpty();
    }

    @Test
    void purgesExpiredSessionsPendingAuthorizationsAndKeyForms() {
        steps.connectUrl("alice", TestCore.RETURN_TO);
        steps.start("bob");
        new KeySteps(core).start("carol");

        assertThat(core.purgeExpiredFlows.purgeExpired()).isZero();
        core.clock.advance(Duration.ofMinutes(10));
        assertThat(core.purgeExpiredFlows.purgeExpired()).isEqualTo(3);
    }

    @Test
    void isReadyOnlyWhileTheStoreAnswers() {
        assertThat(core.checkReadiness.isReady()).isTrue();
        core.storeAvailable.set(false);
        assertThat(core.checkReadiness.isReady()).isFalse();
    }
}
