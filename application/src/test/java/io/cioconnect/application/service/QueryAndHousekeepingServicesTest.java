package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.application.port.in.ListProvidersUseCase;
import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import java.net.URI;
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

        assertThat(listed(ConnectionFilter.ofOwner(new Owner("alice")), 10, null).connections())
                .extracting(ConnectionSummary::id).containsExactly(alices);
        assertThat(listed(ConnectionFilter.ofOwner(new Owner("nobody")), 10, null).connections()).isEmpty();
    }

    @Test
    void pagesThroughEveryOwnerAndSaysWhereTheNextPageStarts() {
        ConnectionId first = core.connect("alice");
        core.clock.advance(Duration.ofSeconds(1));
        ConnectionId second = core.connect("bob");
        core.clock.advance(Duration.ofSeconds(1));
        ConnectionId third = core.connect("carol");

        ListConnectionsUseCase.Page page = listed(ConnectionFilter.ANY, 2, null);
        assertThat(page.connections()).extracting(ConnectionSummary::id).containsExactly(first, second);
        assertThat(page.next()).isEqualTo(new ListPosition(page.connections().get(1).createdAt(), second));

        ListConnectionsUseCase.Page last = listed(ConnectionFilter.ANY, 2, page.next());
        assertThat(last.connections()).extracting(ConnectionSummary::id).containsExactly(third);
        assertThat(last.next()).isNull();
    }

    @Test
    void aPageExactlyAsLongAsWhatIsLeftIsTheLast() {
        core.connect("alice");
        core.connect("bob");

        assertThat(listed(ConnectionFilter.ANY, 2, null).next()).isNull();
    }

    @Test
    void refusesALimitOutsideOneToTheMaximum() {
        for (int limit : new int[] {0, -1, ListConnectionsUseCase.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> new ListConnectionsUseCase.Query(ConnectionFilter.ANY, limit, null))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void listsTheEnabledProvidersWithTheirKindAndName() {
        assertThat(core.listProviders.list()).containsExactly(
                new ListProvidersUseCase.EnabledProvider(new ProviderId("customerio"), ProviderKind.OAUTH2, "customerio",
                        null),
                new ListProvidersUseCase.EnabledProvider(new ProviderId("customerio-app-api"), ProviderKind.APP_API_KEY,
                        "Customer.io App API key", null));
    }

    /** An MCP provider's tokens are for its server: hosts read where to use them from the connection and the provider. */
    @Test
    void namesTheResourceAnMcpProvidersConnectionsAreFor() {
        URI mcp = URI.create("https://mcp.example.com/mcp");
        TestCore mcpCore = TestCore.create(new ProviderDescriptor(new ProviderId("customerio-mcp"), Scopes.none(), null,
                true, ProviderKind.MCP, "Customer.io MCP", mcp));

        ConnectionId id = mcpCore.connect("alice");

        assertThat(mcpCore.getConnection.get(id).resource()).isEqualTo(mcp);
        assertThat(mcpCore.listConnections.list(new ListConnectionsUseCase.Query(ConnectionFilter.ANY, 10, null))
                .connections()).extracting(ConnectionSummary::resource).containsExactly(mcp);
        assertThat(mcpCore.listProviders.list().get(0).resource()).isEqualTo(mcp);
        assertThat(core.getConnection.get(core.connect("bob")).resource()).isNull();
    }

    private ListConnectionsUseCase.Page listed(ConnectionFilter filter, int limit, ListPosition after) {
        return core.listConnections.list(new ListConnectionsUseCase.Query(filter, limit, after));
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
        assertThat(core.checkReadiness.check().up()).isTrue();
        core.storeAvailable.set(false);
        assertThat(core.checkReadiness.check().up()).isFalse();
        assertThat(core.checkReadiness.check().checks()).containsExactly(new Readiness.Check("database", false));
    }

    @Test
    void isNotReadyWhileAnyOtherPartReportsDown() {
        core.otherChecks.add(new Readiness.Check("purge_expired_flows", true));
        assertThat(core.checkReadiness.check().up()).isTrue();

        core.otherChecks.add(new Readiness.Check("serving", false));

        Readiness readiness = core.checkReadiness.check();
        assertThat(readiness.up()).isFalse();
        assertThat(readiness.checks()).extracting(Readiness.Check::name)
                .containsExactly("database", "purge_expired_flows", "serving");
    }
}
