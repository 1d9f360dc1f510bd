package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** WEBHOOK_URL and WEBHOOK_SECRETS: read through the one reader, refused with one line that names the variable. */
class WebhookConfigTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_BODY = "c2VjcmV0LXdlYmhvb2stc2lnbmluZy1rZXk=";

    private static Map<String, String> production(String url, String secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("CUSTOMERIO_CLIENT_ID", "cio-client");
        env.put("CUSTOMERIO_CLIENT_SECRET", "cio-client-secret");
        env.put("PUBLIC_BASE_URL", "https://connect.example.com");
        env.put("API_KEYS", "backend:s3cret-api-key-0123456789abcdef");
        env.put("ENCRYPTION_KEYS", "k1:" + "QUJD".repeat(10) + "QUI=");
        if (url != null) {
            env.put("WEBHOOK_URL", url);
        }
        if (secrets != null) {
            env.put("WEBHOOK_SECRETS", secrets);
        }
        return env;
    }

    @Test
    void readsTheUrlAndEverySecret() {
        ServiceConfig config = ServiceConfig.read(production("https://app.example.com/hooks",
                SECRET + ", whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), Mode.SERVE);

        assertThat(config.webhooks().url()).contains(URI.create("https://app.example.com/hooks"));
        assertThat(config.webhooks().secrets()).hasSize(2);
        assertThat(config.toString()).doesNotContain(SECRET.substring(6)).contains("secrets=2");
    }

    @Test
    void webhooksAreOffWithoutAUrl() {
        assertThat(ServiceConfig.read(production(null, null), Mode.SERVE).webhooks().isConfigured()).isFalse();
    }

    @Test
    void readsTheSecretsFromAFile() throws IOException {
        Path file = Files.createTempFile("webhook-secrets", ".txt");
        Files.writeString(file, SECRET + "\n");
        Map<String, String> env = production("https://app.example.com/hooks", null);
        env.put("WEBHOOK_SECRETS_FILE", file.toString());

        assertThat(ServiceConfig.read(env, Mode.SERVE).webhooks().secrets()).hasSize(1);
    }

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of(production("https://app.example.com/hooks", null), "WEBHOOK_SECRETS is required when"),
                Arguments.of(production(null, SECRET), "WEBHOOK_SECRETS is set but WEBHOOK_URL is not"),
                Arguments.of(production("http://app.example.com/hooks", SECRET), "WEBHOOK_URL must use https"),
                Arguments.of(production("app.example.com/hooks", SECRET), "WEBHOOK_URL must be an absolute"),
                Arguments.of(production("https://app.example.com/hooks", SECRET_BODY),
                        "WEBHOOK_SECRETS entry 1 is not a Standard Webhooks secret: each secret must start with"),
                Arguments.of(production("https://app.example.com/hooks", SECRET + ",whsec_" + SECRET_BODY + "*"),
                        "WEBHOOK_SECRETS entry 2 is not a Standard Webhooks secret: each secret must be whsec_"),
                Arguments.of(production("https://app.example.com/hooks", "whsec_c2hvcnQ="),
                        "WEBHOOK_SECRETS entry 1 is not a Standard Webhooks secret: each secret must hold 24 to 64"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void refusesToStartWithOneLineNamingTheVariableAndNeverTheSecret(Map<String, String> env, String expected) {
        assertThatThrownBy(() -> ServiceConfig.read(env, Mode.SERVE))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(line -> {
                        assertThat(line).startsWith(expected);
                        assertThat(line).doesNotContain(SECRET_BODY).doesNotContain(SECRET.substring(6));
                    });
                    assertThat(e.getMessage()).doesNotContain(SECRET_BODY);
                });
    }

    @Test
    void devWithoutAUrlSendsToItsOwnReceiver() {
        Map<String, String> env = production(null, null);
        env.remove("PUBLIC_BASE_URL");
        ServiceConfig config = ServiceConfig.read(env, Mode.DEV);

        assertThat(config.webhooks().isConfigured()).isFalse();
        assertThat(config.webhooks().secrets()).isEmpty();
    }
}
