package io.cioconnect.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migrations, and an index behind every lookup the stores and the refresher make. */
class SchemaIT {

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

    @Test
    void migratingAgainChangesNothing() {
        assertThat(persistence.migrate().migrationsExecuted).isZero();
    }

    @Test
    void redeemsTicketsByTheirHashThroughAnIndex() throws Exception {
        assertThat(plan("DELETE FROM connect_sessions WHERE ticket_hash = 'x'")).contains("connect_sessions_ticket_hash_key");
    }

    @Test
    void completesCallbacksByTheStateHashThroughAnIndex() throws Exception {
        assertThat(plan("DELETE FROM pending_authorizations WHERE state_hash = 'x'")).contains("pending_authorizations_pkey");
    }

    @Test
    void takesKeyFormsByTheirTokenHashThroughAnIndex() throws Exception {
        assertThat(plan("DELETE FROM pending_key_forms WHERE token_hash = 'x'")).contains("pending_key_forms_pkey");
    }

    @Test
    void findsTheConnectionAReconnectionReplacesThroughAnIndex() throws Exception {
        assertThat(plan("SELECT * FROM connections WHERE owner = 'x' AND provider = 'y' FOR UPDATE"))
                .contains("connections_owner_provider_key");
    }

    @Test
    void listsAnOwnersConnectionsThroughAnIndex() throws Exception {
        assertThat(plan("SELECT * FROM connections WHERE owner = 'x' ORDER BY created_at, id"))
                .contains("connections_owner_provider_key");
    }

    @Test
    void pagesThroughEveryConnectionThroughAnIndex() throws Exception {
        assertThat(plan("SELECT * FROM connections WHERE (created_at, id) > (now(), gen_random_uuid()) "
                + "ORDER BY created_at, id LIMIT 51")).contains("connections_listing_idx");
    }

    @Test
    void pagesThroughTheConnectionsOfOneStatusThroughAnIndex() throws Exception {
        assertThat(plan("SELECT * FROM connections WHERE status = 'reauthorization_required' "
                + "AND (created_at, id) > (now(), gen_random_uuid()) ORDER BY created_at, id LIMIT 51"))
                .contains("connections_status_listing_idx");
    }

    @Test
    void letsTheRefresherClaimExpiringConnectionsThroughAnIndex() throws Exception {
        assertThat(plan("SELECT id FROM connections WHERE provider = 'customerio' AND status = 'active' "
                + "AND access_token_expires_at < now() + interval '5 minutes' ORDER BY access_token_expires_at "
                + "LIMIT 10 FOR UPDATE SKIP LOCKED")).contains("connections_refresh_due_idx");
    }

    @Test
    void claimsConnectionsForTheBackgroundRefresherThroughTheDueIndex() throws Exception {
        assertThat(plan("""
                UPDATE connections c SET refresh_holder = gen_random_uuid(),
                                         refresh_lease_until = now() + interval '40 seconds'
                FROM (SELECT id FROM connections
                      WHERE provider = 'customerio' AND status = 'active' AND refresh_token IS NOT NULL
                        AND access_token_expires_at <= now() + interval '5 minutes'
                        AND (next_refresh_at IS NULL OR next_refresh_at <= now())
                        AND (refresh_lease_until IS NULL OR refresh_lease_until <= now())
                      ORDER BY access_token_expires_at, id LIMIT 16 FOR UPDATE SKIP LOCKED) due
                WHERE c.id = due.id""")).contains("connections_refresh_due_idx")
                .as("the index gives the order: no sort of every due row for each claim").doesNotContain("Sort");
    }

    @Test
    void purgesAndClaimsByTimeThroughIndexes() throws Exception {
        assertThat(plan("DELETE FROM connect_sessions WHERE expires_at <= now()")).contains("connect_sessions_expires_at_idx");
        assertThat(plan("DELETE FROM pending_authorizations WHERE expires_at <= now()"))
                .contains("pending_authorizations_expires_at_idx");
        assertThat(plan("DELETE FROM pending_key_forms WHERE expires_at <= now()"))
                .contains("pending_key_forms_expires_at_idx");
        assertThat(plan("SELECT id FROM pending_revocations WHERE next_attempt_at <= now() ORDER BY next_attempt_at "
                + "LIMIT 10 FOR UPDATE SKIP LOCKED")).contains("pending_revocations_next_attempt_at_idx");
    }

    /** The plan PostgreSQL picks when it may use an index at all (tables are tiny, so scans are forbidden). */
    private static String plan(String sql) throws Exception {
        try (Connection connection = POSTGRES.database().openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
