package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings the lead wires: derived URLs, defaults, and what they refuse. */
class SandboxSettingsTest {

    private static final ClientSecret SECRET = new ClientSecret("dev-secret-value");

    @Test
    void derivesEveryEndpointFromThePublicBaseUrl() {
        SandboxSettings settings = SandboxSettings.forDev(URI.create("http://localhost:8080/"), "dev-client", SECRET,
                Clock.systemUTC());

        assertThat(settings.issuer()).hasToString("http://localhost:8080/sandbox");
        assertThat(settings.authorizeUrl()).hasToString("http://localhost:8080/sandbox/authorize");
        assertThat(settings.tokenUrl()).hasToString("http://localhost:8080/sandbox/token");
        assertThat(settings.revocationUrl()).hasToString("http://localhost:8080/sandbox/revoke");
        assertThat(settings.appApiUrl()).hasToString("http://localhost:8080/sandbox/app-api");
        assertThat(settings.redirectUri()).hasToString("http://localhost:8080/oauth/sandbox/callback");
        assertThat(settings.scopes().render()).isEqualTo("full_access");
        assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void neverPrintsTheClientSecret() {
        SandboxSettings settings = SandboxSettings.forDev(URI.create("http://localhost:8080"), "dev-client", SECRET,
                Clock.systemUTC());

        assertThat(settings.toString()).doesNotContain("dev-secret-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/cb#fragment", "ftp://localhost/cb", "/oauth/sandbox/callback",
        "http://user@localhost:8080/cb"})
    void refusesARedirectUriThatCannotBeRegistered(String redirectUri) {
        assertThatThrownBy(() -> new SandboxSettings(URI.create("http://localhost:8080"), "dev-client", SECRET,
                URI.create(redirectUri), Scopes.parse("full_access"), Duration.ofSeconds(120), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveTokenLifetime() {
        assertThatThrownBy(() -> new SandboxSettings(URI.create("http://localhost:8080"), "dev-client", SECRET,
                URI.create("http://localhost:8080/oauth/sandbox/callback"), Scopes.parse("full_access"), Duration.ZERO,
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
