package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.ConnectFlows;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * migrate and rekey through the real entry point on a real database, configured with a postgres:// URL as a
 * hosting platform would hand it out: what they print, and that a dry run changes nothing.
 */
class CommandsIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String OLD_KEY = RunningService.ENCRYPTION_KEY;
    private static final String NEW_KEY = "key-new:" + Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    /** The test database as {@code postgres://user[:password]@host:port/db}. */
    private static String postgresUrl(TestDatabase database) {
        String password = database.password() == null ? "" : ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
        return "postgres://" + database.user() + password + "@" + database.jdbcUrl().substring("jdbc:postgresql://".length());
    }

    private static String run(int expectedExit, Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void migratesPrintingTheVersionsThenRekeysBatchByBatchAfterADryRunThatChangesNothing() throws Exception {
        TestDatabase database = POSTGRES.database();
        Map<String, String> migrate = Map.of("DATABASE_URL", postgresUrl(database));

        String first = run(0, migrate, "migrate");
        assertThat(first).containsPattern("(?m)^Applied version 1: ").containsPattern("(?m)^Applied version 2: ")
                .containsPattern("The database schema is at version \\d+\\.");
        assertThat(run(0, migrate, "migrate")).containsPattern("^Nothing to apply; the database schema is at version \\d+\\.");

        try (RunningService service = RunningService.start(Mode.DEV, database, Map.of())) {
            assertThat(ConnectFlows.throughSandbox(new Browser(),
                    service.api.createConnectUrl("alice", "sandbox", RunningService.RETURN_TO))).hasParameter("status", "connected");
        }
        Map<String, String> rotated = Map.of("DATABASE_URL", postgresUrl(database), "ENCRYPTION_KEYS", NEW_KEY + "," + OLD_KEY);

        String dryRun = run(0, rotated, "rekey", "--dry-run");
        assertThat(dryRun).contains("Dry run, nothing changed", "connections: 1", "1 row(s) to re-encrypt.");
        assertThat(run(0, rotated, "rekey", "--dry-run")).isEqualTo(dryRun);

        String rekey = run(0, rotated, "rekey");
        assertThat(rekey).contains("connections: 1 re-encrypted (1 in this table so far)", "0 left.");
        assertThat(run(0, rotated, "rekey", "--dry-run")).contains("0 row(s) to re-encrypt.");
    }
}
