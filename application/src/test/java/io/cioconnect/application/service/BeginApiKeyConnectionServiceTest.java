package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase.ApiKeyFormStarted;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BeginApiKeyConnectionServiceTest {

    private final TestCore core = TestCore.create();
    private final KeySteps steps = new KeySteps(core);

    @Test
    void aConnectSessionForTheKeyProviderIsAccepted() {
        URI connectUrl = steps.connectUrl("alice");

        assertThat(connectUrl.toString()).startsWith("http://localhost:8080/oauth/customerio-app-api/start?ticket=");
    }

    @Test
    void aConnectSessionForTheKeyProviderTakesNoScopes() {
        assertThatThrownBy(() -> core.createConnectSession.create(new CreateConnectSessionUseCase.Command(
                new Owner("alice"), KeySteps.APP_API, TestCore.RETURN_TO, Scopes.parse("full_access"))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void redeemsTheTicketIntoAFormBoundToANewBrowserBinding() {
        ApiKeyFormStarted started = steps.start("alice");

        assertThat(started.form().csrfToken().value()).hasSize(43);
        assertThat(started.form().returnToOrigin()).isEqualTo(TestCore.APP_ORIGIN);
        assertThat(started.form().region()).isEqualTo(AppApiRegion.US);
        assertThat(started.browserBinding().value()).hasSize(43).isNotEqualTo(started.form().csrfToken().value());
        assertThat(started.bindingLifetime()).isEqualTo(core.settings.authorizationTtl());
        assertThat(core.pendingKeyForms.consume(started.form().csrfToken().hash(), core.clock.instant()))
                .hasValueSatisfying(pending -> assertThat(pending.isBoundTo(started.browserBinding())).isTrue());
    }

    @Test
    void aTicketOpensOneFormOnly() {
        URI connectUrl = steps.connectUrl("alice");
        ConnectTicket ticket = new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket"));
        core.beginApiKeyConnection.begin(new BeginApiKeyConnectionUseCase.Command(KeySteps.APP_API, ticket));

        assertNotFound(() -> core.beginApiKeyConnection.begin(new BeginApiKeyConnectionUseCase.Command(KeySteps.APP_API,
                ticket)));
    }

    @Test
    void anExpiredTicketOpensNoForm() {
        URI connectUrl = steps.connectUrl("alice");
        core.clock.advance(Duration.ofMinutes(11));

        assertNotFound(() -> core.beginApiKeyConnection.begin(new BeginApiKeyConnectionUseCase.Command(KeySteps.APP_API,
                new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket")))));
    }

    @Test
    void anOAuthProvidersTicketOpensNoFormEvenUnderItsOwnName() {
        URI connectUrl = new FlowSteps(core).connectUrl("alice", TestCore.RETURN_TO);
        ConnectTicket ticket = new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket"));

        assertNotFound(() -> core.beginApiKeyConnection.begin(
                new BeginApiKeyConnectionUseCase.Command(FlowSteps.CUSTOMERIO, ticket)));
        assertThat(core.pendingKeyForms.purgeExpired(core.clock.instant().plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void theOAuthStartRefusesAKeyProvidersTicket() {
        URI connectUrl = steps.connectUrl("alice");

        assertNotFound(() -> core.beginAuthorization.begin(new BeginAuthorizationUseCase.Command(
                KeySteps.APP_API, new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket")))));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
