package io.cioconnect.devsandbox;

import io.cioconnect.domain.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every client the sandbox knows: its one pre-registered client (the {@code sandbox} provider), clients that
 * registered themselves (RFC 7591), and clients whose {@code client_id} is the URL of their metadata document,
 * fetched when first seen and kept a few minutes (as an authorization server caches them). Bounded in memory.
 */
final class SandboxClients {

    static final Duration DOCUMENT_LIFETIME = Duration.ofMinutes(5);
    private static final Duration REGISTRATION_LIFETIME = Duration.ofDays(30);
    private static final int MAX_CLIENTS = 1_000;

    private final SandboxClient preconfigured;
    private final ClientMetadataFetcher fetcher;
    private final Clock clock;
    private final ExpiringStore<SandboxClient> registered;
    private final ExpiringStore<SandboxClient> documents;

    SandboxClients(SandboxSettings settings, ClientMetadataFetcher fetcher) {
        this.preconfigured = new SandboxClient(settings.clientId(), Set.of(settings.redirectUri().toString()),
                Secrets.sha256(settings.clientSecret().value()), settings.clientId(), SandboxClient.Identity.PRECONFIGURED);
        this.fetcher = fetcher;
        this.clock = settings.clock();
        this.registered = new ExpiringStore<>(MAX_CLIENTS, clock);
        this.documents = new ExpiringStore<>(MAX_CLIENTS, clock);
    }

    /** The client with this id, fetching its metadata document if the id is its URL; empty for an unknown id. */
    Optional<SandboxClient> find(String clientId) {
        if (preconfigured.clientId().equals(clientId)) {
            return Optional.of(preconfigured);
        }
        Optional<SandboxClient> known = cached(clientId);
        if (known.isPresent() || !ClientMetadataFetcher.isDocumentUrl(clientId)) {
            return known;
        }
        SandboxClient fetched = fetcher.fetch(clientId); // outside the lock: it waits on the network
        synchronized (this) {
            documents.put(clientId, fetched, clock.instant().plus(DOCUMENT_LIFETIME));
        }
        return Optional.of(fetched);
    }

    synchronized void register(SandboxClient client) {
        registered.put(client.clientId(), client, clock.instant().plus(REGISTRATION_LIFETIME));
    }

    private synchronized Optional<SandboxClient> cached(String clientId) {
        return registered.get(clientId).or(() -> documents.get(clientId));
    }
}
