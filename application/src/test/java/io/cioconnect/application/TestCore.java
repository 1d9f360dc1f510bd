package io.cioconnect.application;

import io.cioconnect.application.memory.InMemoryConnectSessionStore;
import io.cioconnect.application.memory.InMemoryConnectionStore;
import io.cioconnect.application.memory.InMemoryPendingAuthorizationStore;
import io.cioconnect.application.memory.InMemoryPendingKeyFormStore;
import io.cioconnect.application.memory.InMemoryRefreshMetrics;
import io.cioconnect.application.memory.InMemoryRevocationQueue;
import io.cioconnect.application.memory.InMemoryWebhookOutbox;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.CheckReadinessUseCase;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetConnectionUseCase;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.application.port.in.ListProvidersUseCase;
import io.cioconnect.application.port.in.ListWebhookEventsUseCase;
import io.cioconnect.application.port.in.RetryWebhookEventUseCase;
import io.cioconnect.application.port.in.PurgeExpiredFlowsUseCase;
import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.in.RetryRevocationsUseCase;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
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
import io.cioconnect.application.service.ListProvidersService;
import io.cioconnect.application.service.ListWebhookEventsService;
import io.cioconnect.application.service.RetryWebhookEventService;
import io.cioconnect.application.service.PendingKeyForms;
import io.cioconnect.application.service.PurgeExpiredFlowsService;
import io.cioconnect.application.service.RefreshDueConnectionsService;
import io.cioconnect.application.service.RetryRevocationsService;
import io.cioconnect.application.service.RevocationSender;
import io.cioconnect.application.service.WebhookAnnouncer;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every use case wired over the in-memory stores, a {@link FakeOAuthProvider} for {@code customerio}, an
 * App API key check for {@code customerio-app-api} ({@link FakeApiKeyVerifier} unless another is given) and a
 * {@link MutableClock}: the real core, for service tests and for adapter tests that drive it from outside.
 */
public final class TestCore {

    public static final URI DEFAULT_PUBLIC_BASE_URL = URI.create("http://localhost:8080");
    public static final String APP_ORIGIN = "https://app.example.com";
    public static final String RETURN_TO = APP_ORIGIN + "/settings";

    public final MutableClock clock = MutableClock.atFixedInstant();
    public final FakeOAuthProvider provider;
    public final ApiKeyVerifier keyVerifier;
    public final ProviderRegistry providers;
    public final InMemoryRevocationQueue revocations = new InMemoryRevocationQueue();
    /** The webhook events the connection store's changes announce (webhooks are on in this core). */
    public final InMemoryWebhookOutbox webhookEvents = new InMemoryWebhookOutbox();
    public final InMemoryConnectionStore connections = new InMemoryConnectionStore(revocations, webhookEvents);
    public final InMemoryConnectSessionStore sessions = new InMemoryConnectSessionStore();
    public final InMemoryPendingAuthorizationStore pendingAuthorizations = new InMemoryPendingAuthorizationStore();
    public final InMemoryPendingKeyFormStore pendingKeyForms = new InMemoryPendingKeyFormStore();
    /** Flip to make readiness fail, as if the database were down. */
    public final AtomicBoolean storeAvailable = new AtomicBoolean(true);
    /** The checks of the parts beside the store (jobs, lifecycle): add one to see readiness report it. */
    public final List<Readiness.Check> otherChecks = new CopyOnWriteArrayList<>();
    public final ConnectSettings settings;
    public final RefreshSettings refreshSettings = RefreshSettings.defaults();
    public final InMemoryRefreshMetrics refreshMetrics = new InMemoryRefreshMetrics();
    /** The one refresher, shared by access-token and the background sweep as the composition root shares it. */
    public final ConnectionRefresher refresher;

    public final CreateConnectSessionUseCase createConnectSession;
    public final BeginAuthorizationUseCase beginAuthorization;
    public final CompleteAuthorizationUseCase completeAuthorization;
    public final BeginApiKeyConnectionUseCase beginApiKeyConnection;
    public final ConnectWithApiKeyUseCase connectWithApiKey;
    public final GetAccessTokenUseCase getAccessToken;
    public final GetConnectionUseCase getConnection;
    public final ListConnectionsUseCase listConnections;
    public final ListProvidersUseCase listProviders;
    public final DisconnectUseCase disconnect;
    public final CheckReadinessUseCase checkReadiness;
    public final PurgeExpiredFlowsUseCase purgeExpiredFlows;
    public final RetryRevocationsUseCase retryRevocations;
    public final RefreshDueConnectionsUseCase refreshDueConnections;
    public final ListWebhookEventsUseCase listWebhookEvents;
    public final RetryWebhookEventUseCase retryWebhookEvent;

    private TestCore(URI publicBaseUrl, ProviderDescriptor descriptor, ApiKeyVerifier keyVerifier) {
        settings = ConnectSettings.defaults(publicBaseUrl, Set.of(APP_ORIGIN));
        provider = new FakeOAuthProvider(descriptor, clock);
        this.keyVerifier = keyVerifier;
        providers = new TestRegistry(provider, keyVerifier.descriptor());
        TestRandom random = new TestRandom();
        GrantRevocations grants = new GrantRevocations(providers, random, clock);
        WebhookAnnouncer announcer = new WebhookAnnouncer(true, providers, random, clock);
        FlowFinisher flows = new FlowFinisher(connections, grants, announcer, random, clock);
        PendingKeyForms keyForms = new PendingKeyForms(pendingKeyForms, random);
        createConnectSession = new CreateConnectSessionService(sessions, providers, random, clock, settings);
        beginAuthorization = new BeginAuthorizationService(sessions, pendingAuthorizations, providers, random, clock,
                settings);
        completeAuthorization = new CompleteAuthorizationService(pendingAuthorizations, providers, flows, clock,
                settings);
        beginApiKeyConnection = new BeginApiKeyConnectionService(sessions, keyForms, keyVerifier, random, clock,
                settings);
        connectWithApiKey = new ConnectWithApiKeyService(pendingKeyForms, keyForms, flows, keyVerifier, clock);
        refresher = new ConnectionRefresher(connections, announcer, providers, random, clock, refreshSettings,
                refreshMetrics);
        RevocationSender revocationSender = new RevocationSender(revocations, providers, random, clock);
        getAccessToken = new GetAccessTokenService(connections, refresher, clock, settings);
        getConnection = new GetConnectionService(connections, providers);
        listConnections = new ListConnectionsService(connections, providers);
        listProviders = new ListProvidersService(providers);
        disconnect = new DisconnectService(connections, grants, revocationSender, announcer);
        checkReadiness = new CheckReadinessService(storeAvailable::get, List.of(() -> otherChecks));
        purgeExpiredFlows = new PurgeExpiredFlowsService(sessions, pendingAuthorizations, pendingKeyForms, clock);
        retryRevocations = new RetryRevocationsService(revocations, revocationSender, clock);
        refreshDueConnections = new RefreshDueConnectionsService(refresher, providers);
        listWebhookEvents = new ListWebhookEventsService(webhookEvents);
        retryWebhookEvent = new RetryWebhookEventService(webhookEvents, clock);
    }

    public static TestCore create() {
        return create(DEFAULT_PUBLIC_BASE_URL);
    }

    public static TestCore create(URI publicBaseUrl) {
        return new TestCore(publicBaseUrl, FakeOAuthProvider.CUSTOMERIO, new FakeApiKeyVerifier());
    }

    /** A core whose one provider is described by {@code descriptor} (to test issuers, revocation support). */
    public static TestCore create(ProviderDescriptor descriptor) {
        return new TestCore(DEFAULT_PUBLIC_BASE_URL, descriptor, new FakeApiKeyVerifier());
    }

    /** A core whose App API keys are checked by {@code keyVerifier} (a real one, in end-to-end tests). */
    public static TestCore create(ApiKeyVerifier keyVerifier) {
        return new TestCore(DEFAULT_PUBLIC_BASE_URL, FakeOAuthProvider.CUSTOMERIO, keyVerifier);
    }

    /** The fake key check, when this core uses one. */
    public FakeApiKeyVerifier fakeKeyVerifier() {
        return (FakeApiKeyVerifier) keyVerifier;
    }

    /** Walks a whole connect flow for {@code owner} with the fake provider and returns the connection's id. */
    public ConnectionId connect(String owner) {
        ProviderId providerId = provider.descriptor().id();
        URI connectUrl = createConnectSession.create(
                new CreateConnectSessionUseCase.Command(new Owner(owner), providerId, RETURN_TO, null)).connectUrl();
        BeginAuthorizationUseCase.AuthorizationStarted started = started(beginAuthorization.begin(
                new BeginAuthorizationUseCase.Command(providerId, new ConnectTicket(queryParameter(connectUrl, "ticket")))));
        FlowEnd outcome = completeAuthorization.complete(
                new CompleteAuthorizationUseCase.Command(providerId, queryParameter(started.authorizeUrl(), "state"),
                        started.browserBinding(), "code-for-" + owner, null, null));
        return ((FlowEnd.Connected) outcome).connectionId();
    }

    /** The start of a flow the provider took; anything else fails the test. */
    public static BeginAuthorizationUseCase.AuthorizationStarted started(BeginAuthorizationUseCase.Outcome outcome) {
        if (outcome instanceof BeginAuthorizationUseCase.AuthorizationStarted started) {
            return started;
        }
        throw new AssertionError("the flow did not start: " + outcome);
    }

    /** The decoded value of a query parameter, or {@code null}. */
    public static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A registry with one OAuth provider and one provider connected with App API keys. */
    private record TestRegistry(OAuthProvider provider, ProviderDescriptor keyProvider) implements ProviderRegistry {

        @Override
        public Optional<OAuthProvider> find(ProviderId id) {
            return Optional.of(provider).filter(p -> p.descriptor().id().equals(id));
        }

        @Override
        public List<ProviderDescriptor> descriptors() {
            return List.of(provider.descriptor(), keyProvider);
        }
    }
}
