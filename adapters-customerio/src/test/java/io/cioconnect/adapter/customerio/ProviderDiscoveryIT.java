package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8414 discovery at start, against a server that serves metadata at chosen paths. */
class ProviderDiscoveryIT {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new HashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String origin;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return routes.getOrDefault(request.getTarget(), new MockResponse.Builder().code(404).build());
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SettingsResult discover(String issuer, URI tokenUrl) {
        ProviderSettings configured = TestProviders.discoverable(issuer, tokenUrl, Scopes.none(),
                ClientAuthMethod.CLIENT_SECRET_BASIC, TestProviders.fastPolicy());
        assertThat(configured.needsDiscovery()).isTrue();
        return new ProviderDiscovery(meters).resolve(configured);
    }

    private void serve(String path, String issuer, String extra) {
        routes.put(path, TestProviders.json(200, "{\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\"" + extra + "}"));
    }

    private static ProviderSettings valid(SettingsResult result) {
        assertThat(result).isInstanceOf(SettingsResult.Valid.class);
        return ((SettingsResult.Valid) result).settings();
    }

    @Test
    void readsEndpointsFromTheRfc8414WellKnownPathInsertedBeforeTheIssuerPath() {
        String issuer = origin + "/tenant";
        serve("/.well-known/oauth-authorization-server/tenant", issuer,
                ",\"revocation_endpoint\":\"" + issuer + "/revoke\",\"code_challenge_methods_supported\":[\"S256\"]"
                        + ",\"authorization_response_iss_parameter_supported\":true");

        ProviderSettings settings = valid(discover(issuer, null));

        assertThat(settings.authorizeUrl()).isEqualTo(URI.create(issuer + "/authorize"));
        assertThat(settings.tokenUrl()).isEqualTo(URI.create(issuer + "/token"));
        assertThat(settings.revocationUrl()).isEqualTo(URI.create(issuer + "/revoke"));
        assertThat(settings.descriptor().supportsRevocation()).isTrue();
        assertThat(settings.descriptor().issuer()).isEqualTo(new ExpectedIssuer(issuer, true));
        assertThat(meters.get(ProviderMetrics.TIMER).tag("operation", "discovery").tag("outcome", "success").timer().count())
                .isEqualTo(1);
    }

    @Test
    void fallsBackToOpenIdConfiguration() {
        String issuer = origin + "/realm";
        serve("/realm/.well-known/openid-configuration", issuer, "");

        ProviderSettings settings = valid(discover(issuer, null));

        assertThat(settings.tokenUrl()).isEqualTo(URI.create(issuer + "/token"));
        assertThat(settings.revocationUrl()).isNull();
        assertThat(settings.descriptor().supportsRevocation()).isFalse();
        assertThat(settings.descriptor().issuer()).as("the discovered issuer is known; no iss promised, so none required")
                .isEqualTo(new ExpectedIssuer(issuer, false));
    }

    @Test
    void keepsEndpointsThatAreConfiguredExplicitly() {
        String issuer = origin;
        serve("/.well-known/oauth-authorization-server", issuer, "");

        ProviderSettings settings = valid(discover(issuer, URI.create("http://localhost:1/own-token")));

        assertThat(settings.tokenUrl()).isEqualTo(URI.create("http://localhost:1/own-token"));
        assertThat(settings.authorizeUrl()).isEqualTo(URI.create(issuer + "/authorize"));
    }

    @Test
    void rejectsMetadataNamingAnotherIssuer() {
        serve("/.well-known/oauth-authorization-server", "https://impostor.example", "");

        SettingsResult result = discover(origin, null);

        assertThat(result).isInstanceOf(SettingsResult.Invalid.class);
        assertThat(((SettingsResult.Invalid) result).problems()).singleElement().asString()
                .startsWith("SANDBOX_ISSUER: ").contains("issuer differs");
    }

    @Test
    void rejectsAServerThatDoesNotSupportS256() {
        serve("/.well-known/oauth-authorization-server", origin, ",\"code_challenge_methods_supported\":[\"plain\"]");

        assertThat(((SettingsResult.Invalid) discover(origin, null)).problems()).singleElement().asString()
                .contains("S256");
    }

    @Test
    void rejectsEndpointsThatAreNotHttpsOffLoopback() {
        routes.put("/.well-known/oauth-authorization-server", TestProviders.json(200, "{\"issuer\":\"" + origin + "\","
                + "\"authorization_endpoint\":\"http://auth.example.com/authorize\",\"token_endpoint\":\"" + origin + "/t\"}"));

        assertThat(discover(origin, null)).isInstanceOf(SettingsResult.Invalid.class);
    }

    @Test
    void reportsOneLineWhenNoMetadataIsFound() {
        SettingsResult result = discover(origin + "/nothing", null);

        assertThat(((SettingsResult.Invalid) result).problems()).singleElement().asString()
                .isEqualTo("SANDBOX_ISSUER: no usable authorization server metadata: HTTP 404 without a JSON object");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void listsTheWellKnownLocationsInOrder() {
        assertThat(ProviderDiscovery.metadataUrls("https://as.example.com/t/1")).containsExactly(
                URI.create("https://as.example.com/.well-known/oauth-authorization-server/t/1"),
                URI.create("https://as.example.com/t/1/.well-known/oauth-authorization-server"),
                URI.create("https://as.example.com/t/1/.well-known/openid-configuration"));
        assertThat(ProviderDiscovery.metadataUrls("https://as.example.com")).containsExactly(
                URI.create("https://as.example.com/.well-known/oauth-authorization-server"),
                URI.create("https://as.example.com/.well-known/openid-configuration"));
    }
}
