package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.AuthorizationStarted;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.Command;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BeginAuthorizationServiceTest {

    private final TestCore core = TestCore.create();
    private final FlowSteps steps = new FlowSteps(core);

    private void assertUnusable(ProviderId provider, ConnectTicket ticket) {
        assertThatThrownBy(() -> core.beginAuthorization.begin(new Command(provider, ticket)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void sendsTheBrowserToTheProviderWithStatePkceAndTheCallbackUri() {
        AuthorizationStarted started = steps.start("alice");
        URI url = started.authorizeUrl();

        assertThat(TestCore.queryParameter(url, "redirect_uri")).isEqualTo("http://localhost:8080/oauth/customerio/callback");
        assertThat(TestCore.queryParameter(url, "code_challenge_method")).isEqualTo("S256");
        assertThat(FlowSteps.state(started)).hasSizeGreaterThanOrEqualTo(43);
        assertThat(TestCore.queryParameter(url, "code_challenge")).hasSize(43);
        assertThat(started.bindingLifetime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void neverReusesStateOrBrowserBinding() {
        AuthorizationStarted first = steps.start("alice");
        AuthorizationStarted second = steps.start("alice");

        assertThat(FlowSteps.state(first)).isNotEqualTo(FlowSteps.state(second));
        assertThat(first.browserBinding()).isNotEqualTo(second.browserBinding());
        assertThat(TestCore.queryParameter(first.authorizeUrl(), "code_challenge"))
                .isNotEqualTo(TestCore.queryParameter(second.authorizeUrl(), "code_challenge"));
    }

    @Test
    void acceptsATicketOnlyOnce() {
        ConnectTicket ticket = steps.ticket(steps.connectUrl("alice", TestCore.RETURN_TO));
        core.beginAuthorization.begin(new Command(FlowSteps.CUSTOMERIO, ticket));

        assertUnusable(FlowSteps.CUSTOMERIO, ticket);
    }

    @Test
    void refusesAnExpiredTicket() {
        ConnectTicket ticket = steps.ticket(steps.connectUrl("alice", TestCore.RETURN_TO));
        core.clock.advance(Duration.ofMinutes(10));

        assertUnusable(FlowSteps.CUSTOMERIO, ticket);
    }

    @Test
    void refusesAnUnknownTicket() {
        assertUnusable(FlowSteps.CUSTOMERIO, new ConnectTicket("made-up-ticket"));
    }

    @Test
    void refusesATicketPresentedOnAnotherProvidersPath() {
        ConnectTicket ticket = steps.ticket(steps.connectUrl("alice", TestCore.RETURN_TO));

        assertUnusable(new ProviderId("sandbox"), ticket);
        assertUnusable(FlowSteps.CUSTOMERIO, ticket);
    }
}
