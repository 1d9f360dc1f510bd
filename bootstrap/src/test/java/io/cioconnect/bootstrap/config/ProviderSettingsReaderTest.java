package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.ClientAuthMethod;
import io.cioconnect.adapter.customerio.ProviderSettings;
import io.cioconnect.adapter.customerio.TokenRequestFormat;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-provider variables, Customer.io's presets, and one clear line per problem. */
class ProviderSettingsReaderTest {

    private static final ProviderId CUSTOMERIO = new ProviderId("customerio");
    private static final ProviderId SANDBOX = new ProviderId("sandbox");
    private static final String SECRET = "very-secret-value";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Map<String, String> customerIo(String... more) {
        Map<String, String> env = env(more);
        env.putIfAbsent("CUSTOMERIO_CLIENT_ID", "cio-id");
        env.putIfAbsent("CUSTOMERIO_CLIENT_SECRET", SECRET);
        return env;
    }

    private static ProviderSettings valid(ProviderId id, Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment, Mode.SERVE);
        Optional<ProviderSettings> settings = ProviderSettingsReader.read(env, id);
        assertThat(env.problems()).isEmpty();
        return settings.orElseThrow();
    }

    private static List<String> problems(ProviderId id, Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment, Mode.SERVE);
        assertThat(ProviderSettingsReader.read(env, id)).isEmpty();
        assertThat(env.problems()).allSatisfy(line -> assertThat(line).doesNotContain(SECRET).doesNotContain("\n"));
        return env.problems();
    }

    @Test
    void appliesCustomerIoPresetsForTheUsRegionByDefault() {
        ProviderSettings settings = valid(CUSTOMERIO, customerIo());

        assertThat(settings.authorizeUrl()).isEqualTo(URI.create("https://fly.customer.io/oauth/authorize"));
        assertThat(settings.tokenUrl()).isEqualTo(URI.create("https://api.customer.io/v1/oauth/token"));
        assertThat(settings.revocationUrl()).isNull();
        assertThat(settings.scopes()).isEqualTo(Scopes.parse("full_access"));
        assertThat(settings.tokenRequestFormat()).isEqualTo(TokenRequestFormat.JSON);
        assertThat(settings.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(settings.clientSecret().value()).isEqualTo(SECRET);
        assertThat(settings.descriptor().supportsRevocation()).isFalse();
        assertThat(settings.descriptor().optionalIssuer()).isEmpty();
    }

    @Test
    void declaresTheProviderAdaptersOwnCallPolicyDefaults() {
        assertThat(valid(CUSTOMERIO, customerIo()).callPolicy()).isEqualTo(CallPolicy.defaults());
    }

    @Test
    void describesCustomerIoByItsNameAndAnyOtherProviderByItsId() {
        assertThat(valid(CUSTOMERIO, customerIo()).descriptor().displayName()).isEqualTo("Customer.io");
        assertThat(valid(CUSTOMERIO, customerIo()).descriptor().kind()).isEqualTo(ProviderKind.OAUTH2);
        ProviderSettings other = valid(new ProviderId("my-idp"), env("MY_IDP_CLIENT_ID", "id",
                "MY_IDP_CLIENT_SECRET", "s", "MY_IDP_ISSUER", "https://idp.example.com"));
        assertThat(other.descriptor().displayName()).isEqualTo("my-idp");
        assertThat(other.descriptor().kind()).isEqualTo(ProviderKind.OAUTH2);
    }

    @ParameterizedTest
    @CsvSource({"eu, https://api-eu.customer.io/v1/oauth/token", "EU, https://api-eu.customer.io/v1/oauth/token",
        "us, https://api.customer.io/v1/oauth/token"})
    void picksTheTokenUrlOfTheRegion(String region, URI tokenUrl) {
        assertThat(valid(CUSTOMERIO, customerIo("CUSTOMERIO_REGION", region)).tokenUrl()).isEqualTo(tokenUrl);
    }

    @Test
    void letsEveryCustomerIoPresetBeOverridden() {
        ProviderSettings settings = valid(CUSTOMERIO, customerIo(
                "CUSTOMERIO_REGION", "eu",
                "CUSTOMERIO_AUTHORIZE_URL", "https://fly.customer.io/oauth/v2/authorize?prompt=consent",
                "CUSTOMERIO_TOKEN_URL", "https://api.customer.io/v2/oauth/token",
                "CUSTOMERIO_REVOCATION_URL", "https://api.customer.io/v1/oauth/revoke",
                "CUSTOMERIO_SCOPES", "read  write",
                "CUSTOMERIO_TOKEN_REQUEST_FORMAT", "form",
                "CUSTOMERIO_CLIENT_AUTH", "client_secret_basic",
                "CUSTOMERIO_CONNECT_TIMEOUT", "2s",
                "CUSTOMERIO_REQUEST_TIMEOUT", "PT15S",
                "CUSTOMERIO_RATE_LIMIT", "0"));

        assertThat(settings.authorizeUrl()).hasToString("https://fly.customer.io/oauth/v2/authorize?prompt=consent");
        assertThat(settings.tokenUrl()).hasToString("https://api.customer.io/v2/oauth/token");
        assertThat(settings.descriptor().supportsRevocation()).isTrue();
        assertThat(settings.scopes()).isEqualTo(Scopes.parse("read write"));
        assertThat(settings.tokenRequestFormat()).isEqualTo(TokenRequestFormat.FORM);
        assertThat(settings.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(settings.callPolicy().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.callPolicy().requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.callPolicy().rateLimit().isUnlimited()).isTrue();
    }

    @Test
    void defaultsOtherProvidersToFormAndBasicWithoutScopes() {
        ProviderSettings settings = valid(SANDBOX, env("SANDBOX_CLIENT_ID", "id", "SANDBOX_CLIENT_SECRET", "s",
                "SANDBOX_AUTHORIZE_URL", "http://localhost:8080/authorize", "SANDBOX_TOKEN_URL", "http://127.0.0.1:8080/token"));

        assertThat(settings.tokenRequestFormat()).isEqualTo(TokenRequestFormat.FORM);
        assertThat(settings.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(settings.scopes().isEmpty()).isTrue();
    }

    @Test
    void readsTheVariablesOfAnIdWithADashUnderItsEnvironmentPrefix() {
        ProviderSettings settings = valid(new ProviderId("my-idp"), env("MY_IDP_CLIENT_ID", "id",
                "MY_IDP_CLIENT_SECRET", "s", "MY_IDP_ISSUER", "https://idp.example.com"));

        assertThat(settings.needsDiscovery()).isTrue();
        assertThat(settings.issuer()).isEqualTo("https://idp.example.com");
    }

    @Test
    void readsTheClientSecretFromAFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), SECRET + "\n");

        ProviderSettings settings = valid(CUSTOMERIO, env("CUSTOMERIO_CLIENT_ID", "cio-id",
                "CUSTOMERIO_CLIENT_SECRET_FILE", file.toString()));

        assertThat(settings.clientSecret().value()).isEqualTo(SECRET);
    }

    @Test
    void namesEachMissingVariableOnItsOwnLine() {
        assertThat(problems(SANDBOX, env())).containsExactly(
                "SANDBOX_CLIENT_ID is required: the client id registered at the provider",
                "SANDBOX_CLIENT_SECRET is required: the client secret registered at the provider",
                "SANDBOX_AUTHORIZE_URL is missing (or set SANDBOX_ISSUER to discover it)",
                "SANDBOX_TOKEN_URL is missing (or set SANDBOX_ISSUER to discover it)");
    }

    @Test
    void treatsBlankValuesAsMissing() {
        assertThat(problems(CUSTOMERIO, customerIo("CUSTOMERIO_CLIENT_SECRET", "  ")))
                .containsExactly("CUSTOMERIO_CLIENT_SECRET is required: the client secret registered at the provider");
    }

    @Test
    void dropsATrailingNewlineButRefusesControlCharactersInsideASecretWithoutPrintingIt() {
        assertThat(valid(CUSTOMERIO, customerIo("CUSTOMERIO_CLIENT_SECRET", SECRET + "\n")).clientSecret().value())
                .isEqualTo(SECRET);
        assertThat(problems(CUSTOMERIO, customerIo("CUSTOMERIO_CLIENT_SECRET", "very-secret\u0000-value")))
                .containsExactly("CUSTOMERIO_CLIENT_SECRET contains control characters");
    }

    @Test
    void namesTheVariableOfABadUrlWithoutRepeatingIt() {
        assertThat(problems(CUSTOMERIO, customerIo("CUSTOMERIO_TOKEN_URL", "https://user:" + SECRET + "@api.customer.io/t",
                "CUSTOMERIO_REVOCATION_URL", "http://127.evil.example/revoke"))).containsExactly(
                "CUSTOMERIO_TOKEN_URL must not contain user info or a fragment",
                "CUSTOMERIO_REVOCATION_URL must use https (plain http is allowed only for loopback hosts)");
    }

    @Test
    void refusesAnAuthorizeUrlThatAlreadyCarriesOurParameters() {
        assertThat(problems(CUSTOMERIO, customerIo("CUSTOMERIO_AUTHORIZE_URL", "https://fly.customer.io/a?response_type=token")))
                .singleElement().asString().startsWith("CUSTOMERIO_AUTHORIZE_URL must not carry any of response_type");
    }

    @Test
    void reportsEveryBadChoiceAtOnce() {
        assertThat(problems(CUSTOMERIO, customerIo(
                "CUSTOMERIO_REGION", "apac",
                "CUSTOMERIO_TOKEN_REQUEST_FORMAT", "xml",
                "CUSTOMERIO_CLIENT_AUTH", "private_key_jwt",
                "CUSTOMERIO_SCOPES", "read \"write\"",
                "CUSTOMERIO_REQUEST_TIMEOUT", "forever",
                "CUSTOMERIO_CONNECT_TIMEOUT", "0s",
                "CUSTOMERIO_RATE_LIMIT", "-3"))).containsExactly(
                "CUSTOMERIO_REGION must be us or eu",
                "CUSTOMERIO_SCOPES must be space-separated scopes: each scope must be 1-200 printable ASCII characters without spaces, '\"' or '\\'",
                "CUSTOMERIO_TOKEN_REQUEST_FORMAT must be json or form",
                "CUSTOMERIO_CLIENT_AUTH must be client_secret_post or client_secret_basic",
                "CUSTOMERIO_CONNECT_TIMEOUT must be a duration longer than zero and at most 2m, such as 90s, 5m, 1h or PT90S",
                "CUSTOMERIO_REQUEST_TIMEOUT must be a duration longer than zero and at most 2m, such as 90s, 5m, 1h or PT90S",
                "CUSTOMERIO_RATE_LIMIT must be a whole number from 0 to 10000");
    }

    @Test
    void acceptsAnIssuerInsteadOfEndpoints() {
        ProviderSettings settings = valid(SANDBOX, env("SANDBOX_CLIENT_ID", "id", "SANDBOX_CLIENT_SECRET", "s",
                "SANDBOX_ISSUER", "https://as.example.com/tenant"));

        assertThat(settings.needsDiscovery()).isTrue();
        assertThat(settings.issuer()).isEqualTo("https://as.example.com/tenant");
        assertThat(settings.descriptor().issuer()).as("known, so an iss present is compared; not promised, so not required")
                .isEqualTo(new ExpectedIssuer("https://as.example.com/tenant", false));
    }

    @Test
    void requiresIssInCallbacksWhenTheOperatorSaysTheProviderSendsIt() {
        ProviderSettings settings = valid(SANDBOX, env("SANDBOX_CLIENT_ID", "id", "SANDBOX_CLIENT_SECRET", "s",
                "SANDBOX_ISSUER", "https://as.example.com/tenant", "SANDBOX_REQUIRE_ISS", "true"));

        assertThat(settings.descriptor().issuer()).isEqualTo(new ExpectedIssuer("https://as.example.com/tenant", true));
        assertThat(problems(SANDBOX, env("SANDBOX_CLIENT_ID", "id", "SANDBOX_CLIENT_SECRET", "s",
                "SANDBOX_ISSUER", "https://as.example.com/tenant", "SANDBOX_REQUIRE_ISS", "yes")))
                .containsExactly("SANDBOX_REQUIRE_ISS must be true or false");
    }

    @Test
    void rejectsAnIssuerWithAQuery() {
        assertThat(problems(SANDBOX, env("SANDBOX_CLIENT_ID", "id", "SANDBOX_CLIENT_SECRET", "s",
                "SANDBOX_ISSUER", "https://as.example.com/?tenant=1")))
                .containsExactly("SANDBOX_ISSUER must not contain a query");
    }

    @Test
    void neverPrintsTheSecretInTheSettingsToString() {
        assertThat(valid(CUSTOMERIO, customerIo()).toString()).doesNotContain(SECRET).contains("ClientSecret[redacted]");
    }
}
