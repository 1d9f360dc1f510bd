package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.Connection;

/** A connection's metadata as hosts see it, naming the resource its provider's tokens are for. */
final class ConnectionSummaries {

    private final ProviderRegistry providers;

    ConnectionSummaries(ProviderRegistry providers) {
        this.providers = providers;
    }

    ConnectionSummary of(Connection connection) {
        return ConnectionSummary.of(connection, providers.descriptor(connection.provider())
                .flatMap(ProviderDescriptor::optionalResource).orElse(null));
    }
}
