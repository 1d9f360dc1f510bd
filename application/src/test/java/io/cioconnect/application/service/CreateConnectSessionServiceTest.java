package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase.Command;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase.CreatedConnectSession;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CreateConnectSessionServiceTest {

    private final TestCore core = TestCore.create();

    private CreatedConnectSession create(String provider, String returnTo, Scopes scopes) {
        return core.createConnectSession.create(new Command(new Owner("alice"), new ProviderId(provider), returnTo, scopes));
    }

    @Test
    void answersAConnectUrlWithARandomTicketThatExpiresAfterTheSessionTtl() {
        CreatedConnectSession created = create("customerio", TestCore.RETURN_TO, null);

        assertThat(created.connectUrl().toString()).startsWith("http://localhost:8080/oauth/customerio/start?ticket=");
        assertThat(TestCore.queryParameter(created.connectUrl(), "ticket")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(created.expiresAt()).isEqualTo(core.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void mintsADifferentTicketAndIdForEverySession() {
        CreatedConnectSession first = create("customerio", TestCore.RETURN_TO, null);
        CreatedConnectSession second = create("customerio", TestCore.RETURN_TO, null);

        assertThat(first.connectUrl()).isNotEqualTo(second.connectUrl());
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void refusesAProviderThatIsNotEnabled() {
        assertThatThrownBy(() -> create("hubspot", TestCore.RETURN_TO, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesScopesOutsideTheProvidersAllowedSet() {
        assertThatThrownBy(() -> create("customerio", TestCore.RETURN_TO, Scopes.parse("full_access admin")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesAReturnToOutsideTheAllowedOrigins() {
        assertThatThrownBy(() -> create("customerio", "https://evil.example.com/", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void keepsTheHostsClientStateWithTheSession() {
        CreatedConnectSession created = core.createConnectSession.create(new Command(new Owner("alice"),
                new ProviderId("customerio"), TestCore.RETURN_TO, null, new ClientState("csrf-1")));
        ConnectTicket ticket = new ConnectTicket(TestCore.queryParameter(created.connectUrl(), "ticket"));

        assertThat(core.sessions.consume(ticket.hash(), core.clock.instant()).orElseThrow().clientState())
                .isEqualTo(new ClientState("csrf-1"));
    }

    @Test
    void asksForTheProvidersScopesWhenNoneAreGiven() {
        FlowSteps steps = new FlowSteps(core);

        assertThat(TestCore.queryParameter(steps.start("alice").authorizeUrl(), "scope")).isEqualTo("full_access");
    }
}
