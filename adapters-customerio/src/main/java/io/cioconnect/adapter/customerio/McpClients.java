package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.McpClient.Identity;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which client this service is at an authorization server, in the MCP specification's order: a client
 * configured beforehand; else its client ID metadata document, when the server takes those; else a client
 * registered dynamically, once per issuer and callback and shared through the store by every instance. The
 * store is only used between remote calls, never across one; registrations are remembered in memory too.
 */
final class McpClients {

    private final McpSettings settings;
    private final McpClientMetadata metadata;
    private final ClientRegistrar registrar;
    private final ClientRegistrationStore store;
    private final ProviderMetrics metrics;
    private final Clock clock;
    private final Map<String, ClientRegistration> known = new HashMap<>();

    McpClients(McpSettings settings, ClientRegistrar registrar, ClientRegistrationStore store, ProviderMetrics metrics,
            Clock clock) {
        this.settings = settings;
        this.metadata = new McpClientMetadata(settings);
        this.registrar = registrar;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    Fetched<McpClient> resolve(AuthorizationServerMetadata server) {
        if (settings.hasConfiguredClient()) {
            return Fetched.of(new McpClient(settings.clientId(), settings.clientSecret(),
                    settings.clientSecret() == null ? McpClient.NONE : server.secretAuthMethod(), Identity.CONFIGURED,
                    null));
        }
        if (server.clientIdMetadataDocumentSupported() && metadata.documentUrlUsable()) {
            return Fetched.of(new McpClient(settings.clientMetadataUrl().toString(), null, McpClient.NONE,
                    Identity.METADATA_DOCUMENT, null));
        }
        if (server.registrationEndpoint() != null) {
            return registered(server);
        }
        return Fetched.failed(ProviderFailure.of(Kind.REJECTED, "the authorization server " + server.issuer()
                + " takes neither client ID metadata documents (client_id_metadata_document_supported) nor dynamic"
                + " registration (registration_endpoint): set " + settings.id().environmentPrefix() + "_CLIENT_ID"));
    }

    /**
     * The server no longer knows {@code stale} ({@code invalid_client}): registers once more, unless another
     * caller has already replaced it, and answers the client to use from now on.
     */
    synchronized Fetched<McpClient> reregister(McpClient stale, AuthorizationServerMetadata server) {
        Optional<ClientRegistration> current = Optional.ofNullable(known.get(server.issuer()))
                .filter(kept -> !kept.clientId().equals(stale.clientId()))
                .or(() -> store.find(server.issuer(), settings.redirectUri())
                        .filter(kept -> !kept.clientId().equals(stale.clientId())));
        if (current.isPresent()) {
            return remembered(current.get());
        }
        return register(server).then(fresh -> remembered(store.replace(stale.registration(), fresh)));
    }

    private synchronized Fetched<McpClient> registered(AuthorizationServerMetadata server) {
        Optional<ClientRegistration> kept = Optional.ofNullable(known.get(server.issuer()))
                .or(() -> store.find(server.issuer(), settings.redirectUri()));
        if (kept.isPresent() && !kept.get().secretExpired(clock.instant())) {
            return remembered(kept.get());
        }
        return register(server).then(fresh -> remembered(kept.isPresent()
                ? store.replace(kept.get(), fresh) : store.keepFirst(fresh)));
    }

    /** One registration request, timed and logged like every provider call; nothing of the store is held meanwhile. */
    private Fetched<ClientRegistration> register(AuthorizationServerMetadata server) {
        return metrics.time("registration", () -> registrar.register(server), Fetched::failure);
    }

    private Fetched<McpClient> remembered(ClientRegistration registration) {
        known.put(registration.issuer(), registration);
        return Fetched.of(McpClient.registered(registration));
    }
}
