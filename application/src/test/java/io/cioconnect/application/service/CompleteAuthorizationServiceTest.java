package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.AuthorizationStarted;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.in.FlowEnd.Connected;
import io.cioconnect.application.port.in.FlowEnd.Failed;
import io.cioconnect.application.port.in.FlowEnd.Unidentified;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompleteAuthorizationServiceTest {

    private static final String ISSUER = "https://issuer.example.com";

    private final TestCore core = TestCore.create();
    private final FlowSteps steps = new FlowSteps(core);

    @Test
    void storesTheConnectionAndSendsTheBrowserBackWithItsId() {
        AuthorizationStarted started = steps.start("alice");

        FlowEnd outcome = steps.callback(started, "the-code");

        assertThat(outcome).isInstanceOf(Connected.class);
        Connected connected = (Connected) outcome;
        assertThat(connected.redirectTo().toString()).isEqualTo(
                "https://app.example.com/settings?connection_id=" + connected.connectionId() + "&status=connected");
        Connection stored = core.connections.findById(connected.connectionId()).orElseThrow();
        assertThat(stored.owner()).isEqualTo(new Owner("alice"));
        assertThat(stored.tokens().accessToken().value()).isEqualTo("access-1");
    }

    @Test
    void exchangesTheCodeWithTheVerifierBehindTheChallenge() {
        AuthorizationStarted started = steps.start("alice");

        steps.callback(started, "the-code");

        assertThat(core.provider.exchangedCodes).extracting(code -> code.value()).containsExactly("the-code");
        assertThat(core.provider.exchangedVerifiers.get(0).challenge().value())
                .isEqualTo(TestCore.queryParameter(started.authorizeUrl(), "code_challenge"));
    }

    @Test
    void keepsTheQueryAndFragmentOfReturnTo() {
        AuthorizationStarted started = steps.start("alice", "https://app.example.com/settings?tab=cio#done");

        Connected connected = (Connected) steps.callback(started, "code");

        assertThat(connected.redirectTo().toString()).isEqualTo("https://app.example.com/settings?tab=cio&connection_id="
                + connected.connectionId() + "&status=connected#done");
    }

    @Test
    void exchangesTheCodeOnceWhenTheSameCallbackArrivesTwice() {
        AuthorizationStarted started = steps.start("alice");

        steps.callback(started, "code");
        FlowEnd replay = steps.callback(started, "code");

        assertThat(replay).isInstanceOf(Unidentified.class);
        assertThat(core.provider.exchangeCount()).isEqualTo(1);
    }

    @Test
    void refusesACallbackFromAnotherBrowserWithoutCallingTheProvider() {
        AuthorizationStarted started = steps.start("alice");
        BrowserBinding otherBrowser = new BrowserBinding("another-browsers-cookie");

        assertThat(steps.callback(FlowSteps.state(started), otherBrowser, "code", null, null)).isInstanceOf(Unidentified.class);
        assertThat(steps.callback(FlowSteps.state(started), null, "code", null, null)).isInstanceOf(Unidentified.class);
        assertThat(core.provider.exchangeCount()).isZero();
    }

    @Test
    void refusesMissingUnknownAndExpiredStates() {
        AuthorizationStarted started = steps.start("alice");
        BrowserBinding binding = started.browserBinding();

        assertThat(steps.callback(null, binding, "code", null, null)).isInstanceOf(Unidentified.class);
        assertThat(steps.callback("", binding, "code", null, null)).isInstanceOf(Unidentified.class);
        assertThat(steps.callback("unknown-state", binding, "code", null, null)).isInstanceOf(Unidentified.class);
        core.clock.advance(Duration.ofMinutes(10));
        assertThat(steps.callback(started, "code")).isInstanceOf(Unidentified.class);
        assertThat(core.provider.exchangeCount()).isZero();
    }

    @Test
    void reportsADenialToReturnTo() {
        AuthorizationStarted started = steps.start("alice");

        FlowEnd outcome = steps.callback(FlowSteps.state(started), started.browserBinding(), null, "access_denied", null);

        assertFailed(outcome, FlowError.ACCESS_DENIED);
        assertThat(core.provider.exchangeCount()).isZero();
    }

    @Test
    void reportsAnyOtherProviderErrorOrAMissingCodeAsProviderError() {
        AuthorizationStarted denied = steps.start("alice");
        AuthorizationStarted codeless = steps.start("alice");

        assertFailed(steps.callback(FlowSteps.state(denied), denied.browserBinding(), null, "server_error", null),
                FlowError.PROVIDER_ERROR);
        assertFailed(steps.callback(FlowSteps.state(codeless), codeless.browserBinding(), null, null, null),
                FlowError.PROVIDER_ERROR);
    }

    @Test
    void reportsAFailedExchange() {
        core.provider.exchangeResults.add(new TokenResult.Failed(
                ProviderFailure.of(ProviderFailure.Kind.INVALID_GRANT, "invalid_grant")));

        assertFailed(steps.callback(steps.start("alice"), "code"), FlowError.TOKEN_EXCHANGE_FAILED);
        assertThat(core.connections.list(ConnectionFilter.ofOwner(new Owner("alice")), null, 10)).isEmpty();
    }

    @Test
    void recordsTheRequestedScopesWhenTheProviderDoesNotStateThem() {
        core.provider.exchangeResults.add(new TokenResult.Issued(new TokenSet(new AccessToken("scopeless"), null,
                TokenType.BEARER, null, Scopes.none())));

        Connected connected = (Connected) steps.callback(steps.start("alice"), "code");

        assertThat(core.connections.findById(connected.connectionId()).orElseThrow().tokens().scopes())
                .isEqualTo(Scopes.parse("full_access"));
    }

    @Test
    void reconnectingKeepsTheConnectionId() {
        Connected first = (Connected) steps.callback(steps.start("alice"), "code-1");
        Connected second = (Connected) steps.callback(steps.start("alice"), "code-2");

        assertThat(second.connectionId()).isEqualTo(first.connectionId());
        assertThat(core.connections.findById(first.connectionId()).orElseThrow().tokens().accessToken().value())
                .isEqualTo("access-2");
    }

    @Test
    void requiresTheIssuerWhenTheProviderPromisesIss() {
        TestCore withIssuer = coreWith(new ExpectedIssuer(ISSUER, true), true);
        FlowSteps flows = new FlowSteps(withIssuer);
        AuthorizationStarted missing = flows.start("alice");
        AuthorizationStarted wrong = flows.start("alice");
        AuthorizationStarted right = flows.start("alice");

        assertFailed(flows.callback(FlowSteps.state(missing), missing.browserBinding(), "code", null, null),
                FlowError.PROVIDER_ERROR);
        assertFailed(flows.callback(FlowSteps.state(wrong), wrong.browserBinding(), "code", null, "https://evil.example.com"),
                FlowError.PROVIDER_ERROR);
        assertThat(withIssuer.provider.exchangeCount()).isZero();
        assertThat(flows.callback(FlowSteps.state(right), right.browserBinding(), "code", null, ISSUER))
                .isInstanceOf(Connected.class);
    }

    @Test
    void refusesAWrongIssWhenTheIssuerIsKnownEvenIfTheProviderDoesNotPromiseIt() {
        TestCore knownIssuer = coreWith(new ExpectedIssuer(ISSUER, false), true);
        FlowSteps flows = new FlowSteps(knownIssuer);
        AuthorizationStarted wrong = flows.start("alice");
        AuthorizationStarted missing = flows.start("bob");

        assertFailed(flows.callback(FlowSteps.state(wrong), wrong.browserBinding(), "code", null, "https://evil.example"),
                FlowError.PROVIDER_ERROR);
        assertThat(knownIssuer.provider.exchangeCount()).as("the code of a mix-up is never exchanged").isZero();
        assertThat(flows.callback(FlowSteps.state(missing), missing.browserBinding(), "code", null, null))
                .as("iss is not promised, so it may be missing").isInstanceOf(Connected.class);
    }

    @Test
    void echoesTheHostsClientStateOnSuccessAndOnFailure() {
        ClientState clientState = new ClientState("host session #7");
        AuthorizationStarted connecting = steps.start(steps.connectUrl("alice", TestCore.RETURN_TO, clientState));
        AuthorizationStarted denied = steps.start(steps.connectUrl("alice", TestCore.RETURN_TO, clientState));

        Connected connected = (Connected) steps.callback(connecting, "code");
        FlowEnd failed = steps.callback(FlowSteps.state(denied), denied.browserBinding(), null, "access_denied", null);

        assertThat(connected.redirectTo().toString()).endsWith("&status=connected&client_state=host+session+%237");
        assertThat(TestCore.queryParameter(connected.redirectTo(), "client_state")).isEqualTo("host session #7");
        assertThat(((Failed) failed).redirectTo().toString())
                .isEqualTo(TestCore.RETURN_TO + "?status=error&error=access_denied&client_state=host+session+%237");
    }

    @Test
    void reconnectingQueuesTheRevocationOfTheReplacedRefreshToken() {
        steps.callback(steps.start("alice"), "code-1");

        steps.callback(steps.start("alice"), "code-2");

        assertThat(core.provider.revocationCount()).as("queued, not sent on the browser's time").isZero();
        assertThat(core.revocations.claimDue(core.clock.instant(), Duration.ofMinutes(1), 10))
                .extracting(PendingRevocation::token)
                .containsExactly(new RevocableToken("refresh-1", RevocableToken.Hint.REFRESH_TOKEN));
    }

    @Test
    void theQueuedRevocationIsSentByTheRetryJob() {
        steps.callback(steps.start("alice"), "code-1");
        steps.callback(steps.start("alice"), "code-2");

        assertThat(core.retryRevocations.retryDue()).isEqualTo(1);

        assertThat(core.provider.revokedTokens).containsExactly(
                new RevocableToken("refresh-1", RevocableToken.Hint.REFRESH_TOKEN));
        assertThat(core.revocations.size()).isZero();
    }

    @Test
    void aFirstConnectionOrAProviderWithoutRevocationQueuesNothing() {
        steps.callback(steps.start("alice"), "code-1");
        TestCore noRevocation = coreWith(null, false);
        FlowSteps flows = new FlowSteps(noRevocation);
        flows.callback(flows.start("alice"), "code-1");
        flows.callback(flows.start("alice"), "code-2");

        assertThat(core.revocations.size()).isZero();
        assertThat(noRevocation.revocations.size()).isZero();
    }

    @Test
    void reportsAServerErrorWhenTheConnectionCannotBeStored() {
        TestRandom random = new TestRandom();
        CompleteAuthorizationService withBrokenStore = new CompleteAuthorizationService(core.pendingAuthorizations,
                core.providers, new FlowFinisher(new UnavailableConnectionStore(),
                        new GrantRevocations(core.providers, random, core.clock), ChangeAnnouncer.NONE, random,
                        core.clock),
                core.clock, core.settings);
        AuthorizationStarted started = steps.start("alice");

        FlowEnd outcome = withBrokenStore.complete(new CompleteAuthorizationUseCase.Command(
                FlowSteps.CUSTOMERIO, FlowSteps.state(started), started.browserBinding(), "code", null, null));

        assertFailed(outcome, FlowError.SERVER_ERROR);
    }

    /** A core whose provider has this issuer (or none) and can revoke tokens or not. */
    private static TestCore coreWith(ExpectedIssuer issuer, boolean supportsRevocation) {
        return TestCore.create(new ProviderDescriptor(FlowSteps.CUSTOMERIO, FakeOAuthProvider.CUSTOMERIO.allowedScopes(),
                issuer, supportsRevocation));
    }

    private static void assertFailed(FlowEnd outcome, FlowError error) {
        assertThat(outcome).isInstanceOf(Failed.class);
        Failed failed = (Failed) outcome;
        assertThat(failed.error()).isEqualTo(error);
        assertThat(failed.redirectTo().toString())
                .isEqualTo("https://app.example.com/settings?status=error&error=" + error.code());
    }
}
