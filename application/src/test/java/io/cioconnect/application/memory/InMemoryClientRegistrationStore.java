package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Thread-safe in-memory {@link ClientRegistrationStore}: one client per issuer and redirect URI. */
public final class InMemoryClientRegistrationStore implements ClientRegistrationStore {

    private record Key(String issuer, URI redirectUri) {
    }

    private final Map<Key, ClientRegistration> clients = new HashMap<>();

    @Override
    public synchronized Optional<ClientRegistration> find(String issuer, URI redirectUri) {
        return Optional.ofNullable(clients.get(new Key(issuer, redirectUri)));
    }

    @Override
    public synchronized ClientRegistration keepFirst(ClientRegistration candidate) {
        return clients.computeIfAbsent(key(candidate), key -> candidate);
    }

    @Override
    public synchronized ClientRegistration replace(ClientRegistration stale, ClientRegistration fresh) {
        ClientRegistration kept = clients.get(key(fresh));
        if (kept == null || kept.clientId().equals(stale.clientId())) {
            clients.put(key(fresh), fresh);
            return fresh;
        }
        return kept;
    }

    private static Key key(ClientRegistration registration) {
        return new Key(registration.issuer(), registration.redirectUri());
    }
}
