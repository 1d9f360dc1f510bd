package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.ProviderId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adapter: the providers this deployment enabled, fixed at start, in configuration order. */
public final class StaticProviderRegistry implements ProviderRegistry {

    private final Map<ProviderId, OAuthProvider> providers = new LinkedHashMap<>();

    public StaticProviderRegistry(List<? extends OAuthProvider> providers) {
        for (OAuthProvider provider : providers) {
            ProviderId id = provider.descriptor().id();
            if (this.providers.putIfAbsent(id, provider) != null) {
                throw new IllegalArgumentException("provider " + id + " is configured twice");
            }
        }
    }

    @Override
    public Optional<OAuthProvider> find(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        return providers.values().stream().map(OAuthProvider::descriptor).toList();
    }
}
