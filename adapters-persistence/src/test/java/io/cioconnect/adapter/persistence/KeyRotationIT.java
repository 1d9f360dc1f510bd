package io.cioconnect.adapter.persistence;

import static io.cioconnect.adapter.persistence.Flows.NOW;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.adapter.persistence.crypto.UnknownEncryptionKeyException;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rotating from key A to key B: old rows stay readable, rekey moves them to B in batches, then A can go. */
class KeyRotationIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final KeyRing A_ONLY = KeyRing.of(TestKeys.KEY_A);
    private static final KeyRing B_THEN_A = KeyRing.of(TestKeys.KEY_B, TestKeys.KEY_A);
    private static final KeyRing B_ONLY = KeyRing.of(TestKeys.KEY_B);

    private final List<Connection> connections = new ArrayList<>();
    private final List<PendingRevocation> revocations = new ArrayList<>();
    private final List<PendingAuthorization> pendings = new ArrayList<>();
    private final List<ClientRegistration> clients = new ArrayList<>();

    @BeforeEach
    void writeEverythingUnderKeyA() {
        try (PostgresPersistence underA = POSTGRES.database().migratedPersistence(A_ONLY)) {
            POSTGRES.database().truncateAllTables();
            for (int i = 0; i < 5; i++) {
                connections.add(underA.connections().saveConnected(connection("owner-" + i, NOW), NOTHING_TO_REVOKE));
            }
            TokenSet apiKey = new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null, Scopes.none());
            connections.add(underA.connections().saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                    new Owner("owner-api"), new ProviderId("customerio-app-api"), apiKey, NOW), NOTHING_TO_REVOKE));
            for (int i = 0; i < 2; i++) {
                Connection doomed = underA.connections().saveConnected(connection("leaving-" + i, NOW), NOTHING_TO_REVOKE);
                PendingRevocation revocation = new PendingRevocation(UUID.randomUUID(), doomed.provider(),
                        RevocableToken.bestOf(doomed.tokens()), 0, NOW, null);
                underA.connections().delete(doomed.id(), connection -> Optional.of(revocation));
                revocations.add(revocation);
            }
            for (int i = 0; i < 3; i++) {
                PendingAuthorization pending = Flows.pending(Flows.state());
                underA.pendingAuthorizations().save(pending);
                pendings.add(pending);
            }
            URI callback = URI.create("https://connect.example.com/oauth/customerio-mcp/callback");
            clients.add(underA.clientRegistrations().keepFirst(new ClientRegistration("https://as.example.com", callback,
                    "confidential", new ClientSecret("registered-secret"), null, "client_secret_basic", NOW)));
            clients.add(underA.clientRegistrations().keepFirst(new ClientRegistration("https://public.example.com",
                    callback, "public", null, null, "none", NOW)));
        }
    }

    @Test
    void rekeysInBatchesSoThatTheOldKeyCanBeRemoved() throws Exception {
        try (PostgresPersistence rotating = POSTGRES.database().newPersistence(B_THEN_A)) {
            assertEverythingReadable(rotating, false);
            assertThat(rotating.rowsOnOtherKeys()).as("a dry run counts")
                    .containsExactly(Map.entry("connections", 6L), Map.entry("pending_authorizations", 3L),
                            Map.entry("pending_revocations", 2L), Map.entry("oauth_client_registrations", 1L));
            assertThat(rotating.rowsOnOtherKeys().values()).as("and changes nothing").containsExactly(6L, 3L, 2L, 1L);
            List<String> batches = new ArrayList<>();

            RekeyReport report = rotating.rekeyer(2).run((table, rows, total) -> batches.add(table + " " + rows + " " + total));

            assertThat(batches).containsExactly("connections 2 2", "connections 2 4", "connections 2 6",
                    "pending_authorizations 2 2", "pending_authorizations 1 3", "pending_revocations 2 2",
                    "oauth_client_registrations 1 1");
            assertThat(rotating.rowsOnOtherKeys().values()).containsExactly(0L, 0L, 0L, 0L);
            assertThat(report.keyId()).isEqualTo("key-b");
            assertThat(report.reencryptedByTable()).isEqualTo(Map.of("connections", 6, "pending_authorizations", 3,
                    "pending_revocations", 2, "oauth_client_registrations", 1));
            assertThat(report.isComplete()).isTrue();
            assertThat(rotating.rekeyer(2).run().reencrypted()).isZero();
        }
        assertThat(RawRows.everyCiphertext(POSTGRES.database())).hasSize(17).allMatch(value -> value.startsWith("v1:key-b:"));
        try (PostgresPersistence afterRotation = POSTGRES.database().newPersistence(B_ONLY)) {
            assertEverythingReadable(afterRotation, true);
        }
    }

    @Test
    void rekeyingLeavesVersionsAndTimesAlone() {
        try (PostgresPersistence rotating = POSTGRES.database().newPersistence(B_THEN_A)) {
            rotating.rekey();

            for (Connection connection : connections) {
                assertThat(rotating.connections().findById(connection.id())).contains(connection);
            }
        }
    }

    @Test
    void namesTheMissingKeyWhenTheOldKeyIsRemovedTooEarly() {
        try (PostgresPersistence newKeyOnly = POSTGRES.database().newPersistence(B_ONLY)) {
            UnknownEncryptionKeyException e = catchThrowableOfType(UnknownEncryptionKeyException.class,
                    () -> newKeyOnly.connections().findById(connections.get(0).id()));

            assertThat(e.keyId()).isEqualTo("key-a");
            assertThat(e.getMessage()).contains("'key-a'", "ENCRYPTION_KEYS");
        }
    }

    @Test
    void skipsARowAnotherTransactionHoldsAndFinishesItOnTheNextRun() throws Exception {
        try (PostgresPersistence operator = POSTGRES.database().newPersistence(B_THEN_A)) {
            ConnectionId busy = connections.get(0).id();
            RekeyReport first;
            try (java.sql.Connection write = POSTGRES.database().openConnection()) {
                // A service's write in flight holds the row's lock until it commits.
                write.setAutoCommit(false);
                try (java.sql.PreparedStatement lock = write.prepareStatement(
                        "SELECT id FROM connections WHERE id = ? FOR UPDATE")) {
                    lock.setObject(1, busy.value());
                    lock.executeQuery().close();
                }
                first = operator.rekeyer(2).run();
                write.rollback();
            }
            RekeyReport second = operator.rekeyer(2).run();

            assertThat(first.reencryptedByTable()).containsEntry("connections", 5);
            assertThat(first.remaining()).isEqualTo(1);
            assertThat(second.reencryptedByTable()).containsEntry("connections", 1);
            assertThat(second.isComplete()).isTrue();
        }
    }

    private void assertEverythingReadable(PostgresPersistence persistence, boolean consume) {
        for (Connection connection : connections) {
            assertThat(persistence.connections().findById(connection.id())).contains(connection);
        }
        for (ClientRegistration client : clients) {
            assertThat(persistence.clientRegistrations().find(client.issuer(), client.redirectUri())).contains(client);
        }
        if (consume) {
            assertThat(persistence.revocations().claimDue(NOW, Duration.ofMinutes(5), 10))
                    .containsExactlyInAnyOrderElementsOf(revocations);
            for (PendingAuthorization pending : pendings) {
                assertThat(persistence.pendingAuthorizations().consume(pending.stateHash(), NOW)).contains(pending);
            }
        }
    }
}
