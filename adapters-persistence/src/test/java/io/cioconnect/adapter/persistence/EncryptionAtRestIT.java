package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.Flows.NOW;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cioconnect.adapter.persistence.crypto.DecryptionFailedException;
import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Looks at the stored rows with plain JDBC: credentials are only there as envelopes pinned to their place. */
class EncryptionAtRestIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static PostgresPersistence persistence;

    @BeforeAll
    static void open() {
        persistence = POSTGRES.database().migratedPersistence(TestKeys.ring());
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @BeforeEach
    void emptyTables() {
        POSTGRES.database().truncateAllTables();
    }

    private static Connection connect(String owner, String access, String refresh) {
        TokenSet tokens = new TokenSet(new AccessToken(access), refresh == null ? null : new RefreshToken(refresh),
                TokenType.BEARER, NOW.plus(Duration.ofHours(1)), Scopes.parse("full_access"));
        return persistence.connections().saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner(owner), new ProviderId("customerio"), tokens, NOW), NOTHING_TO_REVOKE);
    }

    @Test
    void storesNoTokenOrVerifierInPlainText() throws Exception {
        String access = "plain-access-" + UUID.randomUUID();
        String refresh = "plain-refresh-" + UUID.randomUUID();
        String revokedRefresh = "plain-revoked-" + UUID.randomUUID();
        String apiKey = "plain-app-api-key-" + UUID.randomUUID();
        PkceVerifier verifier = PkceVerifier.fromRandom(Flows.random(PkceVerifier.RANDOM_BYTES));
        State state = Flows.state();
        connect("alice", access, refresh);
        connect("bob", apiKey, null);
        Connection deleted = connect("carol", "plain-access-of-carol-" + UUID.randomUUID(), revokedRefresh);
        persistence.connections().delete(deleted.id(), connection -> Optional.of(new PendingRevocation(UUID.randomUUID(),
                connection.provider(), RevocableToken.bestOf(connection.tokens()), 0, NOW, null)));
        persistence.pendingAuthorizations().save(Flows.pending(state, verifier));
        persistence.connectSessions().save(Flows.session(Flows.ticket()));

        List<String> rows = RawRows.everyRow(POSTGRES.database());

        assertThat(rows).hasSize(5);
        for (String secret : List.of(access, refresh, revokedRefresh, apiKey, verifier.value(), state.value())) {
            assertThat(rows).noneMatch(row -> row.contains(secret));
        }
        assertThat(RawRows.everyCiphertext(POSTGRES.database())).hasSize(5)
                .allMatch(value -> value.matches("v1:key-a:[A-Za-z0-9+/]+=*"));
    }

    @Test
    void refusesATokenCopiedFromAnotherRow() throws Exception {
        Connection source = connect("dave", "access-of-dave", "refresh-of-dave");
        Connection target = connect("erin", "access-of-erin", "refresh-of-erin");
        RawRows.update(POSTGRES.database(), "UPDATE connections SET access_token = (SELECT access_token FROM connections"
                + " WHERE id = '" + source.id() + "') WHERE id = '" + target.id() + "'");

        DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class,
                () -> persistence.connections().findById(target.id()));

        assertThat(e.column()).isEqualTo(new EncryptedColumn("connections", "access_token"));
        assertThat(e.keyId()).isEqualTo("key-a");
        assertThat(e.getMessage()).contains("connections.access_token", "key-a").doesNotContain("access-of-dave");
        assertThat(persistence.connections().findById(source.id())).contains(source);
    }

    @Test
    void refusesATokenCopiedIntoAnotherColumn() throws Exception {
        Connection stored = connect("frank", "access-of-frank", "refresh-of-frank");
        RawRows.update(POSTGRES.database(), "UPDATE connections SET refresh_token = access_token WHERE id = '"
                + stored.id() + "'");

        DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class,
                () -> persistence.connections().findById(stored.id()));

        assertThat(e.column()).isEqualTo(new EncryptedColumn("connections", "refresh_token"));
    }

    @Test
    void refusesAVerifierCopiedFromAnotherPendingAuthorization() throws Exception {
        State source = Flows.state();
        State target = Flows.state();
        persistence.pendingAuthorizations().save(Flows.pending(source));
        persistence.pendingAuthorizations().save(Flows.pending(target));
        RawRows.update(POSTGRES.database(), "UPDATE pending_authorizations SET pkce_verifier = (SELECT pkce_verifier"
                + " FROM pending_authorizations WHERE state_hash = '" + source.hash().hex() + "') WHERE state_hash = '"
                + target.hash().hex() + "'");

        DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class,
                () -> persistence.pendingAuthorizations().consume(target.hash(), NOW));

        assertThat(e.column()).isEqualTo(new EncryptedColumn("pending_authorizations", "pkce_verifier"));
        assertThat(persistence.pendingAuthorizations().consume(source.hash(), NOW)).isPresent();
    }
}
