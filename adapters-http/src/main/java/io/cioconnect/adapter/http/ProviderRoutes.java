package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.cioconnect.application.port.in.ListProvidersUseCase;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** Host API: {@code GET /api/v1/providers}, the providers a connect session may name here. */
final class ProviderRoutes implements EndpointGroup {

    static final String PROVIDERS = "/api/v1/providers";

    private final ListProvidersUseCase listProviders;

    ProviderRoutes(ListProvidersUseCase listProviders) {
        this.listProviders = listProviders;
    }

    @Override
    public void addEndpoints() {
        get(PROVIDERS, this::list);
    }

    private void list(Context ctx) {
        ctx.json(ProviderListResponse.from(listProviders.list()));
    }
}
