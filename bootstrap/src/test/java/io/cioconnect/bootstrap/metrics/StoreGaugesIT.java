package io.cioconnect.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store gauges over a real database: what a scrape sees before, between and after reads. */
class StoreGaugesIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void gaugesAreNanUntilTheFirstReadThenHoldWhatItFoundAndKeepItWhenTheDatabaseIsGone() {
        PostgresPersistence stores = POSTGRES.database().migratedPersistence(TestKeys.ring());
        POSTGRES.database().truncateAllTables();
        StoreGauges gauges = new StoreGauges(registry, stores.statistics(), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofMinutes(10), List.of("customerio", "sandbox"));
        assertThat(connections("sandbox", "reauthorization_required")).isNaN();
        assertThat(registry.get(StoreGauges.REVOCATIONS_PENDING).gauge().value()).isNaN();

        save(stores, "alice", now.plus(Duration.ofHours(1)));
        save(stores, "bob", now.plus(Duration.ofMinutes(7)));
        gauges.refresh();

        assertThat(connections("customerio", "active")).isEqualTo(2);
        assertThat(connections("sandbox", "active")).isZero();
        assertThat(registry.get(StoreGauges.REVOCATIONS_PENDING).gauge().value()).isZero();
        // bob's token expires at 10:07, inside the 10-minute window since 09:57.
        assertThat(registry.get(StoreGauges.REFRESH_OVERDUE).gauge().value()).isEqualTo(180.0);

        stores.close();

        assertThat(gauges.refresh()).isZero();
        assertThat(connections("customerio", "active")).isEqualTo(2);
    }

    private void save(PostgresPersistence stores, String owner, Instant expiresAt) {
        TokenSet tokens = new TokenSet(new AccessToken("access-" + owner), new RefreshToken("refresh-" + owner),
                TokenType.BEARER, expiresAt, Scopes.parse("full_access"));
        stores.connections().saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner),
                new ProviderId("customerio"), tokens, now), replaced -> Optional.empty());
    }

    private double connections(String provider, String status) {
        return registry.get(StoreGauges.CONNECTIONS).tag("provider", provider).tag("status", status).gauge().value();
    }
}
