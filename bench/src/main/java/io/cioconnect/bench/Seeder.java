package io.cioconnect.bench;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores connections straight into the service's database through its own persistence adapter and
 * {@code ENCRYPTION_KEYS}, so every row is encrypted exactly as the service would have written it — in
 * seconds instead of thousands of connect flows. Their refresh tokens are registered at the provider.
 */
final class Seeder {

    static final String OWNER_PREFIX = "seed-";
    private static final int THREADS = 8;

    private Seeder() {
    }

    static List<UUID> seed(String jdbcUrl, String encryptionKeys, BenchProvider provider, int count) throws Exception {
        DatabaseSettings database = new DatabaseSettings(jdbcUrl, "postgres", null, THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (PostgresPersistence persistence = PostgresPersistence.create(database, KeyRing.parse(encryptionKeys))) {
            ConnectionStore store = persistence.connections();
            ProviderId providerId = new ProviderId("benchidp");
            Instant now = Instant.now();
            List<Future<UUID>> stored = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Owner owner = new Owner(OWNER_PREFIX + i);
                stored.add(pool.submit(() -> {
                    String refresh = provider.newToken("rt-");
                    provider.ledger().registerRefreshToken(refresh);
                    TokenSet tokens = new TokenSet(new AccessToken(provider.newToken("at-")), new RefreshToken(refresh),
                            TokenType.BEARER, now.plus(Duration.ofHours(1)), Scopes.parse("read"));
                    return store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), owner, providerId,
                            tokens, now), replaced -> Optional.empty()).id().value();
                }));
            }
            List<UUID> ids = new ArrayList<>(count);
            for (Future<UUID> id : stored) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
