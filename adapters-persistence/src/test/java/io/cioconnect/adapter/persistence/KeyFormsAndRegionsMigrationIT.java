package io.cioconnect.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.SecretHash;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rows written before V4 read correctly after it: App API key forms kept as pending authorizations become
 * key forms, a key's region stored as its only scope gets its own column, and an issuer kept (which then
 * meant "required") is still required.
 */
class KeyFormsAndRegionsMigrationIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String BINDING_HASH = SecretHash.of("binding").hex();
    private static final String RETURN_TO = "'https://app.example.com/settings'";

    @Test
    void rowsOfTheOldShapeReadCorrectlyAfterTheMigration() throws Exception {
        TestDatabase database = POSTGRES.database();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        FieldCipher cipher = new FieldCipher(TestKeys.ring());
        String formHash = SecretHash.of("form-token").hex();
        String stateHash = SecretHash.of("state").hex();
        UUID keyConnection = UUID.randomUUID();
        insertPending(database, cipher, formHash, null, "customerio-app-api");
        insertPending(database, cipher, stateHash, "'https://issuer.example.com'", "customerio");
        RawRows.update(database, "INSERT INTO connections (id, owner, provider, status, access_token, token_type, "
                + "scopes, created_at, updated_at) VALUES ('" + keyConnection + "', 'alice', 'customerio-app-api', "
                + "'active', '" + cipher.encrypt("sandbox-key-0123", ConnectionRow.ACCESS_TOKEN, keyConnection.toString())
                + "', 'Bearer', 'region:eu', now(), now())");

        try (PostgresPersistence persistence = database.migratedPersistence(TestKeys.ring())) {
            PendingKeyForm form = persistence.pendingKeyForms().consume(new SecretHash(formHash), Flows.NOW)
                    .orElseThrow();
            PendingAuthorization pending = persistence.pendingAuthorizations()
                    .consume(new SecretHash(stateHash), Flows.NOW).orElseThrow();
            Connection key = persistence.connections().findById(new ConnectionId(keyConnection)).orElseThrow();

            assertThat(form.owner().value()).isEqualTo("bob");
            assertThat(form.browserBindingHash().hex()).isEqualTo(BINDING_HASH);
            assertThat(form.clientState()).isNull();
            assertThat(pending.issuer()).isEqualTo(new ExpectedIssuer("https://issuer.example.com", true));
            assertThat(key.tokens().optionalAppApiRegion()).contains(AppApiRegion.EU);
            assertThat(key.tokens().scopes().isEmpty()).isTrue();
            assertThat(key.tokens().accessToken().value()).isEqualTo("sandbox-key-0123");
            assertThat(RawRows.strings(database, "SELECT count(*) FROM pending_authorizations")).containsExactly("0");
        }
    }

    private static void insertPending(TestDatabase database, FieldCipher cipher, String stateHash, String issuer,
            String provider) throws Exception {
        String verifier = cipher.encrypt("v".repeat(43), PendingAuthorizationRow.PKCE_VERIFIER, stateHash);
        RawRows.update(database, "INSERT INTO pending_authorizations (state_hash, pkce_verifier, browser_binding_hash, "
                + "issuer, owner, provider, return_to, scopes, created_at, expires_at) VALUES ('" + stateHash + "', '"
                + verifier + "', '" + BINDING_HASH + "', " + issuer + ", 'bob', '" + provider + "', " + RETURN_TO
                + ", '', '" + Flows.NOW + "', '" + Flows.NOW.plusSeconds(600) + "')");
    }
}
