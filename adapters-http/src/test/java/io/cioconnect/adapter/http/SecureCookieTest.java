package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behind https the binding cookie is {@code Secure} and {@code __Host-}-prefixed, and still binds the flow. */
class SecureCookieTest {

    private final TestCore core = TestCore.create(URI.create("https://connect.example.com"));
    private final TestServer server = TestServer.start(core, TestServer.settings(core, 0, 0, Set.of()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theBindingCookieIsSecureAndHostPrefixed() {
        HttpResponse<String> response = server.browser().get(server.connectUrl("user-1"));

        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("__Host-cioconnect_binding=").contains("; Secure").contains("; Path=/")
                .contains("; HttpOnly").contains("; SameSite=Lax").contains("; Max-Age=600").doesNotContain("Domain");
    }

    @Test
    void theHostPrefixedCookieCompletesTheFlowAndAnUnprefixedOneDoesNot() {
        Browser browser = server.browser();
        URI authorize = browser.start(server.connectUrl("user-1"));
        String state = TestCore.queryParameter(authorize, "state");
        Browser downgraded = server.browser();
        downgraded.cookies().put("cioconnect_binding", browser.cookies().get("__Host-cioconnect_binding"));

        BrowserFlowTest.assertErrorPage(downgraded.get("/oauth/customerio/callback?code=c&state=" + state));
        assertThat(core.provider.exchangeCount()).isZero();
    }

    @Test
    void theHostPrefixedCookieCompletesTheFlow() {
        Browser browser = server.browser();
        URI authorize = browser.start(server.connectUrl("user-1"));

        HttpResponse<String> response = browser.get("/oauth/customerio/callback?code=c&state="
                + TestCore.queryParameter(authorize, "state"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(core.provider.exchangeCount()).isEqualTo(1);
    }
}
