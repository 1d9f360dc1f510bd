package io.cioconnect.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.adapter.persistence.crypto.DecryptionFailedException;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.contract.ClientRegistrationStoreContract;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.domain.ClientSecret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on PostgreSQL, and what a copy of the table shows of a registered client's secret. */
class PostgresClientRegistrationStoreIT extends ClientRegistrationStoreContract {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final PostgresStores STORES = new PostgresStores(POSTGRES);
    private static final String SECRET = "registered-client-secret-value";

    @AfterAll
    static void closePool() {
        STORES.close();
    }

    @Override
    protected ClientRegistrationStore createStore() {
        return STORES.fresh().clientRegistrations();
    }

    private static ClientRegistration confidential(String issuer, String clientId) {
        return new ClientRegistration(issuer, CALLBACK, clientId, new ClientSecret(SECRET), null, "client_secret_basic",
                NOW);
    }

    @Test
    void keepsTheSecretOnlyAsAnEnvelope() throws Exception {
        createStore().keepFirst(confidential(ISSUER, "confidential"));

        assertThat(RawRows.everyRow(POSTGRES.database())).noneMatch(row -> row.contains(SECRET));
        assertThat(RawRows.strings(POSTGRES.database(), "SELECT client_secret FROM oauth_client_registrations"))
                .singleElement().asString().startsWith("v1:");
    }

    /** The associated data names the row: a secret copied onto another registration does not decrypt. */
    @Test
    void aSecretCopiedToAnotherRowDoesNotDecrypt() throws Exception {
        ClientRegistrationStore store = createStore();
        store.keepFirst(confidential(ISSUER, "victim"));
        store.keepFirst(confidential("https://attacker.example.com", "attacker"));

        RawRows.update(POSTGRES.database(), "UPDATE oauth_client_registrations SET client_secret = (SELECT client_secret"
                + " FROM oauth_client_registrations WHERE client_id = 'victim') WHERE client_id = 'attacker'");

        assertThatThrownBy(() -> store.find("https://attacker.example.com", CALLBACK))
                .isInstanceOf(DecryptionFailedException.class);
        assertThat(store.find(ISSUER, CALLBACK)).map(found -> found.clientSecret().value()).contains(SECRET);
    }

    @Test
    void aReplacementIsEncryptedForItsOwnRow() throws Exception {
        ClientRegistrationStore store = createStore();
        ClientRegistration stale = store.keepFirst(confidential(ISSUER, "stale"));

        store.replace(stale, confidential(ISSUER, "fresh"));

        assertThat(store.find(ISSUER, CALLBACK)).map(ClientRegistration::clientId).contains("fresh");
        assertThat(RawRows.strings(POSTGRES.database(), "SELECT client_id FROM oauth_client_registrations"))
                .isEqualTo(List.of("fresh"));
    }

    @Test
    void aRegistrationForAnotherCallbackIsItsOwnRow() {
        ClientRegistrationStore store = createStore();
        URI other = URI.create("https://other.example.com/oauth/customerio-mcp/callback");
        store.keepFirst(confidential(ISSUER, "here"));
        store.keepFirst(new ClientRegistration(ISSUER, other, "there", null, null, "none", NOW));

        assertThat(store.find(ISSUER, other)).map(ClientRegistration::clientId).contains("there");
    }
}
