package io.cioconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code dev} prints about its API key: the generated one only while it is the key in use. */
class DevAccessTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutApiKeysTheBannerShowsTheGeneratedKeyThatTheServiceTakes() throws Exception {
        Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString());
        String generated = DevSecrets.apiKey(dataDir);

        Map<String, String> effective = DevSecrets.overlay(environment);
        String banner = ServerCommand.devAccess(ServiceConfig.read(effective, Mode.DEV),
                Optional.of(DevSecrets.apiKey(dataDir)));

        assertThat(DevSecrets.usesGeneratedApiKey(environment)).isTrue();
        assertThat(effective.get("API_KEYS")).isEqualTo("dev:" + generated);
        assertThat(banner).contains("API key:  " + generated, "Bearer " + generated);
    }

    @Test
    void withApiKeysSetTheGeneratedKeyIsNeitherUsedNorShown() throws Exception {
        String configured = "mine:" + "s".repeat(32);
        Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString(), "API_KEYS", configured);
        String generated = DevSecrets.apiKey(dataDir);

        Map<String, String> effective = DevSecrets.overlay(environment);
        String banner = ServerCommand.devAccess(ServiceConfig.read(effective, Mode.DEV), Optional.empty());

        assertThat(DevSecrets.usesGeneratedApiKey(environment)).isFalse();
        assertThat(effective.get("API_KEYS")).isEqualTo(configured);
        assertThat(banner).doesNotContain(generated).doesNotContain("s".repeat(32)).contains("API_KEYS");
    }

    @Test
    void anApiKeysFileCountsAsSetToo() throws Exception {
        Path keys = Files.writeString(dataDir.resolve("api-keys"), "mine:" + "f".repeat(32) + "\n");

        assertThat(DevSecrets.usesGeneratedApiKey(Map.of("DATA_DIR", dataDir.toString(),
                "API_KEYS_FILE", keys.toString()))).isFalse();
    }
}
