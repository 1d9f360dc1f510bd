package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service as operators run it ({@code serve}), connected to a real OAuth 2.0 server we did not write,
 * found through RFC 8414 / OpenID discovery from its issuer alone.
 */
class MockOAuth2ServerFlowIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static MockOAuth2Server oauth;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        oauth = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
        service = RunningService.start(Mode.SERVE, POSTGRES.database(), Map.of(
                "PROVIDERS", "idp",
                "IDP_ISSUER", oauth.issuerUrl("default").toString(),
                "IDP_CLIENT_ID", "cio-connect",
                "IDP_CLIENT_SECRET", "a client secret/with+reserved=characters",
                "IDP_SCOPES", "openid offline_access"));
    }

    @AfterAll
    static void stop() {
        service.close();
        oauth.shutdown();
    }

    @Test
    void connectsThroughARealAuthorizationServerAndRefreshes() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(service.api.createConnectUrl("erin", "idp", RunningService.RETURN_TO));
        URI authorize = Browser.location(start);
        assertThat(authorize.toString()).startsWith(oauth.issuerUrl("default").toString())
                .contains("code_challenge_method=S256");

        URI back = ConnectFlows.callback(browser, Browser.location(browser.get(authorize)));

        assertThat(ConnectFlows.parameter(back, "status")).isEqualTo("connected");
        String id = ConnectFlows.parameter(back, "connection_id");
        HostApi.Answer token = service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null);
        assertThat(token.status()).isEqualTo(200);
        HostApi.Answer refreshed = service.api.call("POST", "/api/v1/connections/" + id + "/access-token",
                "{\"force_refresh\": true}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(token.json().get("access_token").asText());
    }
}
