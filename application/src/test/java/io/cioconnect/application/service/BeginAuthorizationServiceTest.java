package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.AuthorizationStarted;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.Command;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.Outcome;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.ProviderUnavailable;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.out.PreparedAuthorization;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

    /** A provider that discovers at run time (MCP) names the issuer and scopes the flow must then hold to. */
    @Test
    void recordsTheIssuerAndScopesTheProviderPrepared() {
        core.provider.preparation = request -> new PreparedAuthorization.Ready(
                core.provider.authorizeUrl(request), new ExpectedIssuer("https://as.example", false), Scopes.parse("mcp:read"));
        core.provider.exchangeResults.add(new TokenResult.Issued(new TokenSet(new AccessToken("mcp-access"), null,
                TokenType.BEARER, Instant.parse("2030-01-01T00:00:00Z"), Scopes.none())));
        AuthorizationStarted mixedUp = steps.start("alice");
        AuthorizationStarted started = steps.start("alice");

        FlowEnd refused = steps.callback(FlowSteps.state(mixedUp), mixedUp.browserBinding(), "code", null, "https://other.example");
        FlowEnd connected = steps.callback(FlowSteps.state(started), started.browserBinding(), "code", null, "https://as.example");

        assertThat(refused).isInstanceOfSatisfying(FlowEnd.Failed.class,
                failed -> assertThat(failed.error()).isEqualTo(FlowError.PROVIDER_ERROR));
        assertThat(connected).isInstanceOf(FlowEnd.Connected.class);
        assertThat(core.getConnection.get(((FlowEnd.Connected) connected).connectionId()).scopes())
                .isEqualTo(Scopes.parse("mcp:read"));
    }

    @Test
    void sendsTheBrowserBackWithProviderErrorAndStoresNothingWhenTheProviderCannotBeAsked() {
        core.provider.preparation = request -> new PreparedAuthorization.Unavailable(
                ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, "no authorization server metadata"));
        ConnectTicket ticket = steps.ticket(steps.connectUrl("alice", TestCore.RETURN_TO));

        Outcome outcome = core.beginAuthorization.begin(new Command(FlowSteps.CUSTOMERIO, ticket));

        assertThat(outcome).isInstanceOfSatisfying(ProviderUnavailable.class, unavailable -> {
            assertThat(unavailable.failed().error()).isEqualTo(FlowError.PROVIDER_ERROR);
            assertThat(unavailable.failed().redirectTo().toString())
                    .isEqualTo(TestCore.RETURN_TO + "?status=error&error=provider_error");
        });
        assertThat(core.pendingAuthorizations.purgeExpired(Instant.MAX)).isZero();
        assertUnusable(FlowSteps.CUSTOMERIO, ticket);
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
