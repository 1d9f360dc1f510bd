package io.cioconnect.application.service;

import io.cioconnect.application.FakeApiKeyVerifier;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.ApiKeyForm;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase.ApiKeyFormStarted;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.SubmissionOutcome;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import java.net.URI;

/** The steps of an App API key flow, driven through the use cases as the HTTP adapter drives them. */
final class KeySteps {

    static final ProviderId APP_API = FakeApiKeyVerifier.CUSTOMERIO_APP_API.id();
    static final String VALID_KEY = FakeApiKeyVerifier.VALID_PREFIX + "0123456789abcdef";

    private final TestCore core;

    KeySteps(TestCore core) {
        this.core = core;
    }

    URI connectUrl(String owner) {
        return connectUrl(owner, null);
    }

    URI connectUrl(String owner, ClientState clientState) {
        return core.createConnectSession.create(new CreateConnectSessionUseCase.Command(new Owner(owner), APP_API,
                TestCore.RETURN_TO, null, clientState)).connectUrl();
    }

    ApiKeyFormStarted start(String owner) {
        return start(connectUrl(owner));
    }

    ApiKeyFormStarted start(URI connectUrl) {
        return core.beginApiKeyConnection.begin(new BeginApiKeyConnectionUseCase.Command(APP_API,
                new ConnectTicket(TestCore.queryParameter(connectUrl, "ticket"))));
    }

    SubmissionOutcome submit(ApiKeyForm form, BrowserBinding binding, String key, String region) {
        return submit(form.csrfToken().value(), binding, key, region, false);
    }

    SubmissionOutcome submit(String csrfToken, BrowserBinding binding, String key, String region, boolean cancel) {
        return core.connectWithApiKey.submit(
                new ConnectWithApiKeyUseCase.Command(APP_API, csrfToken, binding, key, region, cancel));
    }

    /** A whole successful key flow for {@code owner}; returns the connection's id. */
    ConnectionId connect(String owner, String key, String region) {
        ApiKeyFormStarted started = start(owner);
        ConnectWithApiKeyUseCase.Ended ended = (ConnectWithApiKeyUseCase.Ended) submit(started.form(),
                started.browserBinding(), key, region);
        return ((FlowEnd.Connected) ended.end()).connectionId();
    }
}
