package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ListProvidersUseCase;
import io.cioconnect.application.port.out.ProviderRegistry;
import java.util.List;

/** Lists the enabled providers from the registry. */
public final class ListProvidersService implements ListProvidersUseCase {

    private final ProviderRegistry providers;

    public ListProvidersService(ProviderRegistry providers) {
        this.providers = providers;
    }

    @Override
    public List<EnabledProvider> list() {
        return providers.descriptors().stream()
                .map(descriptor -> new EnabledProvider(descriptor.id(), descriptor.kind(), descriptor.displayName(),
                        descriptor.resource()))
                .toList();
    }
}
