package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ProviderVariable;
import io.cioconnect.bootstrap.config.Variable;
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

    /** Help text wraps; what it says does not depend on where. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
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
        assertThat(out()).contains("ENCRYPTION_KEYS", "DATA_DIR", "MIGRATE_ON_START", "--dry-run");
    }

    @Test
    void printsItsVersion() throws Exception {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out().strip()).matches("cio-connect \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void serveHelpListsEveryVariableServeReadsWithItsDefault() throws Exception {
        run(Map.of(), "serve", "--help");

        for (Variable variable : Variable.values()) {
            if (variable.scope().includes(Mode.SERVE)) {
                assertThat(out()).as(variable.name()).containsPattern("(?m)^  " + variable.name() + " ");
            } else {
                assertThat(out()).as(variable.name()).doesNotContain(variable.name());
            }
        }
        for (ProviderVariable variable : ProviderVariable.values()) {
            assertThat(out()).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(variable.template()) + " ");
        }
        assertThat(oneLine(out())).contains("_FILE", "[default: 0.0.0.0]", "[default: customerio]",
                "[default: customerio: json; others: form]");
    }

    @Test
    void eachCommandListsOnlyWhatItReadsWithItsOwnDefaults() throws Exception {
        run(Map.of(), "dev", "--help");
        assertThat(oneLine(out())).contains("DEV_ALLOW_REMOTE", "[default: 127.0.0.1]",
                "[default: customerio,sandbox,customerio-app-api,customerio-mcp]");
        out.reset();
        run(Map.of(), "migrate", "--help");
        assertThat(out()).contains("DATABASE_URL", "DATABASE_POOL_SIZE", "LOG_LEVEL").doesNotContain("PORT", "API_KEYS",
                "<ID>_CLIENT_ID");
        out.reset();
        run(Map.of(), "generate-key", "--help");
        assertThat(out()).doesNotContain("Environment variables");
    }

    @Test
    void refusesAnUnknownCommandOrStrayArguments() throws Exception {
        assertThat(run(Map.of(), "launch")).isEqualTo(CommandLine.USAGE);
        assertThat(run(Map.of(), "serve", "--port=80")).isEqualTo(CommandLine.USAGE);
        assertThat(run(Map.of(), "rekey", "--dry")).isEqualTo(CommandLine.USAGE);
        assertThat(err()).contains("Unknown command 'launch'", "'serve' takes no arguments", "'rekey' takes only --dry-run");
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
                "PUBLIC_BASE_URL must use https (plain http is allowed only on a loopback host: localhost, 127.0.0.0/8 or ::1)",
                "ENCRYPTION_KEYS is required: kid:base64key[,kid:base64key...] (run generate-key)",
                "CUSTOMERIO_CLIENT_ID is required: the client id registered at the provider",
                "CUSTOMERIO_CLIENT_SECRET is required: the client secret registered at the provider");
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
