package io.cioconnect.bootstrap;

import io.cioconnect.adapter.http.HttpUseCases;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.in.PurgeExpiredFlowsUseCase;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.in.RetryRevocationsUseCase;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ComponentHealth;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics;
import io.cioconnect.application.service.BeginApiKeyConnectionService;
import io.cioconnect.application.service.BeginAuthorizationService;
import io.cioconnect.application.service.CheckReadinessService;
import io.cioconnect.application.service.CompleteAuthorizationService;
import io.cioconnect.application.service.ConnectWithApiKeyService;
import io.cioconnect.application.service.ConnectionRefresher;
import io.cioconnect.application.service.CreateConnectSessionService;
import io.cioconnect.application.service.DisconnectService;
import io.cioconnect.application.service.FlowFinisher;
import io.cioconnect.application.service.GetAccessTokenService;
import io.cioconnect.application.service.GetConnectionService;
import io.cioconnect.application.service.GrantRevocations;
import io.cioconnect.application.service.ListConnectionsService;
import io.cioconnect.application.service.PendingKeyForms;
import io.cioconnect.application.service.ListProvidersService;
import io.cioconnect.application.service.PurgeExpiredFlowsService;
import io.cioconnect.application.service.RefreshDueConnectionsService;
import io.cioconnect.application.service.RetryRevocationsService;
import io.cioconnect.application.service.ListWebhookEventsService;
import io.cioconnect.application.service.RetryWebhookEventService;
import io.cioconnect.application.service.RevocationSender;
import io.cioconnect.application.service.WebhookAnnouncer;
import java.time.Clock;
import java.util.List;

/**
 * Every use case, built with plain constructors over the stores and providers: the core of the wiring.
 * Collaborators that several use cases share (the refresher, the revocation sender, the grant revocations,
 * the flow finisher, the webhook announcer) are built here once.
 */
record UseCases(HttpUseCases http, PurgeExpiredFlowsUseCase purgeExpiredFlows, RetryRevocationsUseCase retryRevocations,
        RefreshDueConnectionsUseCase refreshDueConnections) {

    static UseCases wire(PostgresPersistence stores, ProviderRegistry providers, ApiKeyVerifier appApiKeys,
            RandomSource random, Clock clock, ConnectSettings settings, RefreshSettings refresh,
            RefreshMetrics refreshMetrics, List<ComponentHealth> health, boolean webhooks) {
        // Events are written only when someone delivers them: with webhooks off, no outbox grows.
        WebhookAnnouncer announcer = new WebhookAnnouncer(webhooks, providers, random, clock);
        ConnectionStore connections = stores.connectionsCachedUntilDue(clock, settings.refreshSkew());
        ConnectionRefresher refresher = new ConnectionRefresher(connections, announcer, providers, random, clock,
                refresh, refreshMetrics);
        RevocationSender revocations = new RevocationSender(stores.revocations(), providers, random, clock);
        GrantRevocations grants = new GrantRevocations(providers, random, clock);
        FlowFinisher flows = new FlowFinisher(connections, grants, announcer, random, clock);
        PendingKeyForms keyForms = new PendingKeyForms(stores.pendingKeyForms(), random);
        HttpUseCases http = new HttpUseCases(
                new CreateConnectSessionService(stores.connectSessions(), providers, random, clock, settings),
                new BeginAuthorizationService(stores.connectSessions(), stores.pendingAuthorizations(), providers, random,
                        clock, settings),
                new CompleteAuthorizationService(stores.pendingAuthorizations(), providers, flows, clock, settings),
                new GetAccessTokenService(connections, refresher, clock, settings),
                new GetConnectionService(connections, providers),
                new ListConnectionsService(connections, providers),
                new ListProvidersService(providers),
                new DisconnectService(connections, grants, revocations, announcer),
                new CheckReadinessService(stores.health(), health),
                new BeginApiKeyConnectionService(stores.connectSessions(), keyForms, appApiKeys, random, clock, settings),
                new ConnectWithApiKeyService(stores.pendingKeyForms(), keyForms, flows, appApiKeys, clock),
                new ListWebhookEventsService(stores.webhookEvents()),
                new RetryWebhookEventService(stores.webhookEvents(), clock));
        return new UseCases(http,
                new PurgeExpiredFlowsService(stores.connectSessions(), stores.pendingAuthorizations(),
                        stores.pendingKeyForms(), clock),
                new RetryRevocationsService(stores.revocations(), revocations, clock),
                new RefreshDueConnectionsService(refresher, providers));
    }
}
