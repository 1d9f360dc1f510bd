package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** dev stays on one machine unless DEV_ALLOW_REMOTE=true; loopback is judged on the parsed host. */
class DevLimitsTest {

    private static Map<String, String> dev(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("API_KEYS", "dev:s3cret-api-key-0123456789abcdef");
        env.put("ENCRYPTION_KEYS", "k1:" + "QUJD".repeat(10) + "QUI=");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static ConfigurationException refusal(Map<String, String> env) {
        try {
            ServiceConfig.read(env, Mode.DEV);
        } catch (ConfigurationException e) {
            return e;
        }
        throw new AssertionError("dev started with " + env.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9000", "http://127.1.2.3", "http://[::1]:8080"})
    void acceptsAPublicUrlOnALoopbackHost(String url) {
        assertThat(ServiceConfig.read(dev("PUBLIC_BASE_URL", url), Mode.DEV).publicBaseUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "https://connect.example.com", "http://192.168.1.20:8080",
        "http://localhost.evil.example"})
    void refusesAnyOtherPublicUrl(String url) {
        assertThat(refusal(dev("PUBLIC_BASE_URL", url)).problems()).containsExactly(
                "PUBLIC_BASE_URL must be on a loopback host (localhost, 127.0.0.0/8 or ::1) in dev;"
                        + " set DEV_ALLOW_REMOTE=true to use another");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db.internal:5432/cio", "jdbc:postgresql://localhost,db.internal/cio",
        "postgres://app:pw@127.evil.example/cio", "postgresql://10.0.0.5/cio?sslmode=require"})
    void refusesADatabaseOnAnotherHost(String url) {
        assertThat(refusal(dev("DATABASE_URL", url)).problems()).singleElement().asString()
                .startsWith("DATABASE_URL must name a database on a loopback host in dev")
                .doesNotContain("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://localhost:5432/cio", "jdbc:postgresql://127.0.0.1/cio?ssl=false",
        "jdbc:postgresql://[::1]:5433/cio", "postgres://app:pw@localhost/cio", "jdbc:postgresql:///cio"})
    void acceptsADatabaseOnThisMachine(String url) {
        assertThat(ServiceConfig.read(dev("DATABASE_URL", url), Mode.DEV).database()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE"})
    void letsAnOperatorOptIntoRemoteUse(String allow) {
        ServiceConfig config = ServiceConfig.read(dev("DEV_ALLOW_REMOTE", allow, "PUBLIC_BASE_URL", "https://dev.example.com",
                "DATABASE_URL", "jdbc:postgresql://db.internal/cio"), Mode.DEV);

        assertThat(config.publicBaseUrl()).hasHost("dev.example.com");
    }

    @Test
    void onlyDevReadsDevAllowRemote() {
        Map<String, String> env = dev("PUBLIC_BASE_URL", "https://connect.example.com", "PROVIDERS", "customerio-app-api",
                "DEV_ALLOW_REMOTE", "perhaps");

        assertThat(ServiceConfig.read(env, Mode.SERVE).publicBaseUrl()).hasHost("connect.example.com");
        assertThat(refusal(env).problems()).contains("DEV_ALLOW_REMOTE must be true or false");
    }
}
