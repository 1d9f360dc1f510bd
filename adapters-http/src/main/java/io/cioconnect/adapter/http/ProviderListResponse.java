package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ListProvidersUseCase.EnabledProvider;
import java.util.List;

/** JSON answer of {@code GET /api/v1/providers}: the enabled providers, in configuration order. */
record ProviderListResponse(List<Provider> providers) {

    /**
     * One provider: {@code id}, {@code kind} ({@code oauth2}, {@code app_api_key}, {@code mcp}), {@code display_name},
     * and for an MCP provider the {@code resource} (its server's URL) its tokens are for.
     */
    record Provider(String id, String kind, String displayName, String resource) {
    }

    static ProviderListResponse from(List<EnabledProvider> providers) {
        return new ProviderListResponse(providers.stream()
                .map(p -> new Provider(p.id().value(), p.kind().wireName(), p.displayName(),
                        p.resource() == null ? null : p.resource().toString()))
                .toList());
    }
}
