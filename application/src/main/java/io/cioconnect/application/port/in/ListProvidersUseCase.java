package io.cioconnect.application.port.in;

import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import java.net.URI;
import java.util.List;

/** Use case: the providers a connect session may name here, in configuration order. */
public interface ListProvidersUseCase {

    List<EnabledProvider> list();

    /**
     * An enabled provider: its id, how its accounts are connected, the name people see, and the resource its
     * tokens are for (an MCP server's URL; {@code null} for providers that name none).
     */
    record EnabledProvider(ProviderId id, ProviderKind kind, String displayName, URI resource) {
    }
}
