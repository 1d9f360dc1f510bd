package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.CheckReadinessUseCase;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetConnectionUseCase;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.application.port.in.ListProvidersUseCase;
import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import io.cioconnect.application.port.in.RetryWebhookEventUseCase;
import java.util.Objects;

/** The in-ports the HTTP adapter drives; it sees nothing else of the application. */
public record HttpUseCases(
        CreateConnectSessionUseCase createConnectSession,
        BeginAuthorizationUseCase beginAuthorization,
        CompleteAuthorizationUseCase completeAuthorization,
        GetAccessTokenUseCase getAccessToken,
        GetConnectionUseCase getConnection,
        ListConnectionsUseCase listConnections,
        ListProvidersUseCase listProviders,
        DisconnectUseCase disconnect,
        CheckReadinessUseCase checkReadiness,
        BeginApiKeyConnectionUseCase beginApiKeyConnection,
        ConnectWithApiKeyUseCase connectWithApiKey,
        ListWebhookEventsUseCase listWebhookEvents,
        RetryWebhookEventUseCase retryWebhookEvent) {

    public HttpUseCases {
        Objects.requireNonNull(createConnectSession, "createConnectSession");
        Objects.requireNonNull(beginAuthorization, "beginAuthorization");
        Objects.requireNonNull(completeAuthorization, "completeAuthorization");
        Objects.requireNonNull(getAccessToken, "getAccessToken");
        Objects.requireNonNull(getConnection, "getConnection");
        Objects.requireNonNull(listConnections, "listConnections");
        Objects.requireNonNull(listProviders, "listProviders");
        Objects.requireNonNull(disconnect, "disconnect");
        Objects.requireNonNull(checkReadiness, "checkReadiness");
        Objects.requireNonNull(beginApiKeyConnection, "beginApiKeyConnection");
        Objects.requireNonNull(connectWithApiKey, "connectWithApiKey");
        Objects.requireNonNull(listWebhookEvents, "listWebhookEvents");
        Objects.requireNonNull(retryWebhookEvent, "retryWebhookEvent");
    }
}
