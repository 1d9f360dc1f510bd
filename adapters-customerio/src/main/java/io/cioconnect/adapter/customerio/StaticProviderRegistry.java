package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.ProviderId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adapter: the providers this deployment enabled, fixed at start: the OAuth providers in configuration
 * order, then the providers connected with an API key (which have a descriptor but no OAuth client).
 */
public final class StaticProviderRegistry implements ProviderRegistry {

    private final Map<ProviderId, OAuthProvider> providers = new LinkedHashMap<>();
    private final Map<ProviderId, ProviderDescriptor> descriptors = new LinkedHashMap<>();

    public StaticProviderRegistry(List<? extends OAuthProvider> providers) {
        this(providers, List.of());
    }

    public StaticProviderRegistry(List<? extends OAuthProvider> providers, List<ProviderDescriptor> keyProviders) {
        for (OAuthProvider provider : providers) {
            add(provider.descriptor());
            this.providers.put(provider.descriptor().id(), provider);
        }
        keyProviders.forEach(this::add);
    }

    private void add(ProviderDescriptor descriptor) {
        if (descriptors.putIfAbsent(descriptor.id(), descriptor) != null) {
            throw new IllegalArgumentException("provider " + descriptor.id() + " is configured twice");
        }
    }

    @Override
    public Optional<OAuthProvider> find(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        return List.copyOf(descriptors.values());
    }
}
