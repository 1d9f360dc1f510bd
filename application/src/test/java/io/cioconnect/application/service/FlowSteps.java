package io.cioconnect.application.service;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase.AuthorizationStarted;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import java.net.URI;

/** The steps of a connect flow, driven through the use cases as the HTTP adapter drives them. */
final class FlowSteps {

    static final ProviderId CUSTOMERIO = new ProviderId("customerio");

    private final TestCore core;

    FlowSteps(TestCore core) {
        this.core = core;
    }

    URI connectUrl(String owner, String returnTo) {
        return connectUrl(owner, returnTo, null);
    }

    URI connectUrl(String owner, String returnTo, ClientState clientState) {
        return core.createConnectSession.create(new CreateConnectSessionUseCase.Command(new Owner(owner), CUSTOMERIO,
                returnTo, null, clientState)).connectUrl();
    }

    ConnectTicket ticket(URI connectUrl) {
        return new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket"));
    }

    AuthorizationStarted start(String owner) {
        return start(owner, TestCore.RETURN_TO);
    }

    AuthorizationStarted start(String owner, String returnTo) {
        return start(connectUrl(owner, returnTo));
    }

    AuthorizationStarted start(URI connectUrl) {
        return TestCore.started(core.beginAuthorization.begin(
                new BeginAuthorizationUseCase.Command(CUSTOMERIO, ticket(connectUrl))));
    }

    static String state(AuthorizationStarted started) {
        return TestCore.queryParameter(started.authorizeUrl(), "state");
    }

    FlowEnd callback(AuthorizationStarted started, String code) {
        return callback(state(started), started.browserBinding(), code, null, null);
    }

    FlowEnd callback(String state, BrowserBinding binding, String code, String error, String issuer) {
        return core.completeAuthorization.complete(
                new CompleteAuthorizationUseCase.Command(CUSTOMERIO, state, binding, code, error, issuer));
    }
}
