package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Connect flows against a {@link ScriptedProvider}. The provider has no authorize page: the test plays the
 * end user who allowed access, and sends the browser back to the callback with a code it picks.
 */
public final class ScriptedFlows {

    private ScriptedFlows() {
    }

    /** A flow a browser started and took to the provider; its callback has not come back yet. */
    public record PendingFlow(Browser browser, URI authorizeUrl) {

        /** The callback the provider would send this browser to with {@code code}. */
        public URI callback(String code) {
            return callbackWith("code=" + encode(code));
        }

        /** The callback with this flow's state and {@code query} (already encoded) besides. */
        public URI callbackWith(String query) {
            String redirectUri = ConnectFlows.parameter(authorizeUrl, "redirect_uri");
            String state = ConnectFlows.parameter(authorizeUrl, "state");
            return URI.create(redirectUri + "?" + query + "&state=" + encode(state));
        }
    }

    /** Creates a connect session for {@code owner} and opens its link in a new browser. */
    public static PendingFlow begin(HostApi api, String provider, String owner) throws Exception {
        return begin(api, provider, owner, null);
    }

    /** As above, the session carrying {@code clientState} unless it is null. */
    public static PendingFlow begin(HostApi api, String provider, String owner, String clientState) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(api.createConnectUrl(owner, provider, RunningService.RETURN_TO,
                clientState));
        assertThat(start.statusCode()).as("start answers a redirect to the provider").isEqualTo(302);
        return new PendingFlow(browser, Browser.location(start));
    }

    /** A whole flow that succeeds; returns the connection's id. */
    public static String connect(HostApi api, String provider, String owner) throws Exception {
        PendingFlow flow = begin(api, provider, owner);
        URI back = ConnectFlows.callback(flow.browser(), flow.callback("code-" + UUID.randomUUID()));
        assertThat(ConnectFlows.parameter(back, "status")).as(back.toString()).isEqualTo("connected");
        return ConnectFlows.parameter(back, "connection_id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
