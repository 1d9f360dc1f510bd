package io.cioconnect.adapter.persistence;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.LeasedWrites;
import io.cioconnect.application.contract.RevocationQueueContract;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the connection store and revocation queue contracts (the latter extends the former) on PostgreSQL. */
class PostgresConnectionStoreIT extends RevocationQueueContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    /** findById maps columns by hand (ConnectionRowMapper): every nullable column is read back when it is set. */
    @Test
    void readsBackARowWithEveryNullableColumnSet() {
        TokenSet tokens = new TokenSet(new AccessToken("at-1"), new RefreshToken("rt-1"), TokenType.BEARER,
                NOW.plus(Duration.ofMinutes(2)), Scopes.parse("read write"));
        Connection stored = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("mapped"), new ProviderId("benchidp"), tokens, NOW), NOTHING_TO_REVOKE);
        LeasedWrites.write(store, stored.id(), NOW, current -> current.refreshed(tokens, NOW.plusSeconds(1)));

        Connection failed = LeasedWrites.write(store, stored.id(), NOW, current ->
                current.refreshOutcomeLost("refresh failed once", NOW.plusSeconds(2), NOW.plusSeconds(60)));

        assertThat(failed.refreshOutcomeUnknown()).isTrue();
        assertThat(failed.lastError()).isNotNull();
        assertThat(failed.lastRefreshedAt()).isNotNull();
        assertThat(failed.nextRefreshAt()).isNotNull();
        assertThat(failed.refreshFailures()).isEqualTo(1);
        assertThat(store.findById(stored.id())).contains(failed);
    }

    @Override
    protected Stores createStores() {
        PostgresPersistence persistence = STORES.fresh();
        return new Stores(persistence.connections(), persistence.revocations());
    }
}
