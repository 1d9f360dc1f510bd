package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misconfigurations stop dev and serve at the real entry point, one line each, naming the variable, never a secret. */
class StartRefusalsTest {

    private static final String API_SECRET = "super-secret-api-key-value-123456";
    private static final String KEY = "k1:" + "QUJD".repeat(10) + "QUI=";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private List<String> refusal(String command, Map<String, String> env) throws Exception {
        int code = Main.run(new String[] {command}, env, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(Commands.CONFIGURATION_ERROR);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain(API_SECRET).doesNotContain(KEY);
        return printed.lines().toList();
    }

    private Map<String, String> serve(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("API_KEYS", "backend:" + API_SECRET, "ENCRYPTION_KEYS", KEY,
                "PUBLIC_BASE_URL", "https://connect.example.com", "PROVIDERS", "customerio-app-api",
                "DATA_DIR", directory.resolve("data").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Map<String, String> dev(String... pairs) {
        Map<String, String> env = serve(pairs);
        env.remove("API_KEYS");
        env.remove("ENCRYPTION_KEYS");
        return env;
    }

    @Test
    void serveTakesAHostThatMerelyStartsWith127AsRemote() throws Exception {
        assertThat(refusal("serve", serve("PUBLIC_BASE_URL", "http://127.evil.example"))).containsExactly(
                "PUBLIC_BASE_URL must use https (plain http is allowed only on a loopback host: localhost, 127.0.0.0/8 or ::1)");
    }

    @Test
    void serveRefusesAVariableGivenBothAsItselfAndAsAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("api-keys"), "backend:" + API_SECRET + "\n");

        assertThat(refusal("serve", serve("API_KEYS_FILE", file.toString()))).containsExactly(
                "API_KEYS and API_KEYS_FILE are both set; set only one");
    }

    @Test
    void serveNamesAFileItCannotRead() throws Exception {
        Map<String, String> env = serve("ENCRYPTION_KEYS_FILE", directory.resolve("missing").toString());
        env.remove("ENCRYPTION_KEYS");

        assertThat(refusal("serve", env)).containsExactly(
                "ENCRYPTION_KEYS_FILE names a file that cannot be read (NoSuchFileException)");
    }

    @Test
    void serveReadsSecretsFromFilesAndStillNamesWhatIsWrongWithThem() throws Exception {
        Path keys = Files.writeString(directory.resolve("keys"), "backend:short\n");
        Map<String, String> env = serve("API_KEYS_FILE", keys.toString());
        env.remove("API_KEYS");

        assertThat(refusal("serve", env)).singleElement().asString()
                .startsWith("API_KEYS key 'backend' needs a secret of at least");
    }

    @Test
    void devRefusesAPublicUrlOffThisMachine() throws Exception {
        assertThat(refusal("dev", dev("PUBLIC_BASE_URL", "http://192.168.1.20:8080"))).containsExactly(
                "PUBLIC_BASE_URL must be on a loopback host (localhost, 127.0.0.0/8 or ::1) in dev;"
                        + " set DEV_ALLOW_REMOTE=true to use another");
    }

    @Test
    void devRefusesADatabaseOffThisMachineWithoutPrintingItsPassword() throws Exception {
        List<String> lines = refusal("dev", dev("PUBLIC_BASE_URL", "http://localhost:8080",
                "DATABASE_URL", "postgres://app:hunter2@db.internal:5432/cio"));

        assertThat(lines).singleElement().asString().startsWith("DATABASE_URL must name a database on a loopback host in dev")
                .doesNotContain("hunter2");
    }
}
