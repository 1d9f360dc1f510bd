package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws Exception {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsUsageWithoutACommand() throws Exception {
        assertThat(run(Map.of())).isEqualTo(CommandLine.USAGE);
        assertThat(out()).contains("Usage:", "dev", "serve", "migrate", "rekey", "generate-key");
    }

    @Test
    void printsEachCommandsHelp() throws Exception {
        for (String command : new String[] {"dev", "serve", "migrate", "rekey", "generate-key"}) {
            assertThat(run(Map.of(), command, "--help")).isZero();
        }
        assertThat(out()).contains("ENCRYPTION_KEYS", "DATA_DIR", "MIGRATE_ON_START");
    }

    @Test
    void refusesAnUnknownCommandOrStrayArguments() throws Exception {
        assertThat(run(Map.of(), "launch")).isEqualTo(CommandLine.USAGE);
        assertThat(run(Map.of(), "serve", "--port=80")).isEqualTo(CommandLine.USAGE);
        assertThat(err()).contains("Unknown command 'launch'", "takes no arguments");
    }

    @Test
    void generatesAKeyEntryThatEncryptionKeysAccepts() throws Exception {
        assertThat(run(Map.of(), "generate-key")).isZero();
        String entry = out().strip();

        assertThat(entry).matches("key-\\d{8}-[0-9a-f]{4}:[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(entry.substring(entry.indexOf(':') + 1))).hasSize(32);
        assertThat(io.cioconnect.adapter.persistence.crypto.KeyRing.parse(entry)).isNotNull();
    }

    @Test
    void serveRefusesToStartWithOneLinePerProblem() throws Exception {
        String secret = "super-secret-api-key-value-123456";

        int code = run(Map.of("API_KEYS", "backend:" + secret, "PUBLIC_BASE_URL", "http://cio.example.com"), "serve");

        assertThat(code).isEqualTo(Commands.CONFIGURATION_ERROR);
        assertThat(err().lines()).containsExactly(
                "PUBLIC_BASE_URL must use https (plain http is allowed only for localhost)",
                "ENCRYPTION_KEYS is required: kid:base64key[,kid:base64key...] (run generate-key)");
        assertThat(err()).doesNotContain(secret);
    }

    @Test
    void serveNamesEveryMissingProviderCredential() throws Exception {
        Map<String, String> env = Map.of(
                "API_KEYS", "backend:super-secret-api-key-value-123456",
                "ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(new byte[32]),
                "PUBLIC_BASE_URL", "https://cio.example.com",
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "MIGRATE_ON_START", "false");

        assertThat(run(env, "serve")).isEqualTo(Commands.CONFIGURATION_ERROR);
        assertThat(err()).contains("CUSTOMERIO_CLIENT_ID", "CUSTOMERIO_CLIENT_SECRET");
    }

    @Test
    void describesAFailureInOneLineFromItsInnermostCause() {
        Exception failure = new IllegalStateException("Unable to obtain connection",
                new java.sql.SQLException("Connection to 127.0.0.1:1 refused. Check the host.\nmore detail"));

        assertThat(Main.describe(failure)).isEqualTo("SQLException: Connection to 127.0.0.1:1 refused. Check the host.");
        assertThat(Main.describe(new RuntimeException("bad password=hunter2"))).doesNotContain("hunter2");
    }
}
