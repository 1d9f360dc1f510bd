package io.cioconnect.adapter.persistence;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.MutableClock;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.memory.InMemoryRefreshMetrics;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetAccessTokenUseCase.Command;
import io.cioconnect.application.port.in.GetConnectionUseCase;
import io.cioconnect.application.port.in.RefreshDueConnectionsUseCase;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.service.ConnectionRefresher;
import io.cioconnect.application.service.GetAccessTokenService;
import io.cioconnect.application.service.GetConnectionService;
import io.cioconnect.application.service.RefreshDueConnectionsService;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One service instance as the composition root would wire it, over its own connection store (its own
 * pool) and with its own in-process state: single flight, bulkheads, metrics. Instances share the provider
 * and clock.
 */
record ServiceInstance(ConnectionStore connections, GetAccessTokenUseCase getAccessToken,
        RefreshDueConnectionsUseCase refreshDue, GetConnectionUseCase getConnection, InMemoryRefreshMetrics metrics) {

    static final ConnectSettings SETTINGS = ConnectSettings.defaults(URI.create("http://localhost:8080"),
            Set.of("https://app.example.com"));

    static final RefreshSettings REFRESH = RefreshSettings.defaults();

    static ServiceInstance on(ConnectionStore connections, OAuthProvider provider, MutableClock clock) {
        return on(connections, provider, clock, REFRESH);
    }

    /** One instance wired as the composition root wires it: one refresher shared by both refresh paths. */
    static ServiceInstance on(ConnectionStore connections, OAuthProvider provider, MutableClock clock,
            RefreshSettings settings) {
        ProviderRegistry providers = new OneProvider(provider);
        InMemoryRefreshMetrics metrics = new InMemoryRefreshMetrics();
        ConnectionRefresher refresher = new ConnectionRefresher(connections, ChangeAnnouncer.NONE, providers,
                new TestRandom(), clock,
                settings, metrics);
        return new ServiceInstance(connections, new GetAccessTokenService(connections, refresher, clock, SETTINGS),
                new RefreshDueConnectionsService(refresher, providers),
                new GetConnectionService(connections, providers), metrics);
    }

    /** The access token this instance hands out for the connection. */
    String accessToken(ConnectionId id, boolean force) {
        return getAccessToken.get(new Command(id, force)).accessToken().value();
    }

    /** A registry with exactly one provider. */
    private record OneProvider(OAuthProvider provider) implements ProviderRegistry {

        @Override
        public Optional<OAuthProvider> find(ProviderId id) {
            return Optional.of(provider).filter(p -> p.descriptor().id().equals(id));
        }

        @Override
        public List<ProviderDescriptor> descriptors() {
            return List.of(provider.descriptor());
        }
    }
}
