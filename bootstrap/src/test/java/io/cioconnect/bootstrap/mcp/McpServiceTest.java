package io.cioconnect.bootstrap.mcp;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.e2e.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every customerio-mcp end-to-end test starts from: an empty database, a fresh test MCP server (each test
 * sets what it offers before it starts the service), and the services it started, stopped afterwards.
 */
abstract class McpServiceTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    protected McpTestServer server;
    protected RunningService service;
    protected RunningService other;

    @BeforeEach
    void startServer() throws Exception {
        POSTGRES.database().truncateAllTables();
        server = new McpTestServer();
    }

    @AfterEach
    void stopAll() {
        for (RunningService running : new RunningService[] {service, other}) {
            if (running != null) {
                running.close();
            }
        }
        server.close();
    }

    /** The service, with customerio-mcp at the test server and {@code more} variables. */
    protected void startService(String... more) throws Exception {
        service = McpFlows.start(POSTGRES.database(), server, more);
    }

    protected long count(String sql) throws Exception {
        return McpFlows.count(POSTGRES.database(), sql);
    }
}
