package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole service in {@code serve} against a provider whose issuer is configured but which does not
 * promise {@code iss} (RFC 9207): a mix-up's code is never exchanged, and the host's {@code client_state}
 * comes back on every redirect. Behind an https public URL, every response pins https.
 */
class FlowSecurityIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final String PROVIDER = "acme";
    private static final String ISSUER = "https://as.acme.example";

    private static ScriptedProvider provider;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        provider = ScriptedProvider.start(PROVIDER);
        service = RunningService.start(Mode.SERVE, POSTGRES.database(), environment());
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(provider.environment());
        env.put("PROVIDERS", PROVIDER);
        env.put("ACME_ISSUER", ISSUER);
        return env;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aCallbackNamingAnotherIssuerFailsAndItsCodeIsNeverExchanged() throws Exception {
        ScriptedFlows.PendingFlow flow = ScriptedFlows.begin(service.api, PROVIDER, "mixed-up");

        URI back = ConnectFlows.callback(flow.browser(), flow.callbackWith("code=mixed-up-code&iss="
                + encode("https://evil.example")));

        assertThat(back.toString()).isEqualTo(RunningService.RETURN_TO + "?status=error&error=provider_error");
        assertThat(provider.exchangesOf("mixed-up-code")).isZero();
    }

    @Test
    void aCallbackNamingTheIssuerOrNoneAtAllConnects() throws Exception {
        ScriptedFlows.PendingFlow named = ScriptedFlows.begin(service.api, PROVIDER, "named");
        ScriptedFlows.PendingFlow silent = ScriptedFlows.begin(service.api, PROVIDER, "silent");

        URI namedBack = ConnectFlows.callback(named.browser(), named.callbackWith("code=c-1&iss=" + encode(ISSUER)));
        URI silentBack = ConnectFlows.callback(silent.browser(), silent.callbackWith("code=c-2"));

        assertThat(ConnectFlows.parameter(namedBack, "status")).isEqualTo("connected");
        assertThat(ConnectFlows.parameter(silentBack, "status")).as("iss is not promised").isEqualTo("connected");
    }

    @Test
    void theHostsClientStateComesBackVerbatimWhetherTheFlowConnectsOrFails() throws Exception {
        String clientState = "csrf=\"7 & 8\"/<x>";
        ScriptedFlows.PendingFlow connecting = ScriptedFlows.begin(service.api, PROVIDER, "stateful", clientState);
        ScriptedFlows.PendingFlow denied = ScriptedFlows.begin(service.api, PROVIDER, "stateful", clientState);

        URI connected = ConnectFlows.callback(connecting.browser(), connecting.callbackWith("code=c-3"));
        URI failed = ConnectFlows.callback(denied.browser(), denied.callbackWith("error=access_denied"));

        assertThat(ConnectFlows.parameter(connected, "client_state")).isEqualTo(clientState);
        assertThat(ConnectFlows.parameter(connected, "status")).isEqualTo("connected");
        assertThat(ConnectFlows.parameter(failed, "client_state")).isEqualTo(clientState);
        assertThat(ConnectFlows.parameter(failed, "error")).isEqualTo("access_denied");
    }

    @Test
    void behindAnHttpsPublicUrlEveryResponsePinsHttps() throws Exception {
        Map<String, String> env = environment();
        env.put("PUBLIC_BASE_URL", "https://connect.example.com");
        try (RunningService https = RunningService.start(Mode.SERVE, POSTGRES.database(), env)) {
            HostApi.Answer unauthorized = new HostApi(https.baseUrl, "wrong-key").call("GET",
                    "/api/v1/connections?owner=x", null);
            HostApi.Answer listed = https.api.call("GET", "/api/v1/connections?owner=x", null);
            HostApi.Answer plain = service.api.call("GET", "/api/v1/connections?owner=x", null);

            assertThat(unauthorized.status()).isEqualTo(401);
            assertThat(listed.status()).isEqualTo(200);
            for (HostApi.Answer answer : new HostApi.Answer[] {unauthorized, listed}) {
                assertThat(answer.raw().headers().firstValue("Strict-Transport-Security")).hasValue("max-age=63072000");
            }
            assertThat(plain.raw().headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
