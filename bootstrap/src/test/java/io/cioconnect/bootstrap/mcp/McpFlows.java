package io.cioconnect.bootstrap.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.ConnectFlows;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The customerio-mcp flow through the whole service, against the test MCP and authorization servers. */
final class McpFlows {

    static final String PROVIDER = "customerio-mcp";

    private McpFlows() {
    }

    /** {@code serve} with customerio-mcp at {@code server}'s MCP endpoint, short deadlines, and {@code more}. */
    static RunningService start(TestDatabase database, McpTestServer server, String... more) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PROVIDERS", PROVIDER);
        env.put("CUSTOMERIO_MCP_URL", server.resource());
        env.put("CUSTOMERIO_MCP_CONNECT_TIMEOUT", "2s");
        env.put("CUSTOMERIO_MCP_REQUEST_TIMEOUT", "10s");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return RunningService.start(Mode.SERVE, database, env);
    }

    /** Opens a connect link for {@code owner}: the service's answer (302 to the authorization server, or 303 back). */
    static HttpResponse<String> open(RunningService service, Browser browser, String owner) throws Exception {
        return browser.get(service.api.createConnectUrl(owner, PROVIDER, RunningService.RETURN_TO));
    }

    /** The whole flow for {@code owner}: the redirect back to return_to, which must say connected. */
    static URI connect(RunningService service, String owner) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = open(service, browser, owner);
        assertThat(start.statusCode()).as("the service sends the browser to the authorization server").isEqualTo(302);
        HttpResponse<String> authorized = browser.get(Browser.location(start));
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI back = ConnectFlows.callback(browser, Browser.location(authorized));
        assertThat(ConnectFlows.parameter(back, "status")).as(back.toString()).isEqualTo("connected");
        return back;
    }

    static String connectionId(URI back) {
        return ConnectFlows.parameter(back, "connection_id");
    }

    static HostApi.Answer accessToken(RunningService service, String connectionId, boolean force) throws Exception {
        return service.api.call("POST", "/api/v1/connections/" + connectionId + "/access-token",
                force ? "{\"force_refresh\": true}" : null);
    }

    /** One number from the database, such as a row count. */
    static long count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
