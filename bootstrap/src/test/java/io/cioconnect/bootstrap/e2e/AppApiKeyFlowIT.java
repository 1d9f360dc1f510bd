package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The App API key flow through the whole service in {@code serve} mode on real PostgreSQL, with two
 * MockWebServers standing in for Customer.io's US and EU App API hosts.
 */
class AppApiKeyFlowIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static FakeAppApi us;
    private static FakeAppApi eu;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        ROOT.addAppender(LOGS);
        us = new FakeAppApi();
        eu = new FakeAppApi();
        service = RunningService.start(Mode.SERVE, POSTGRES.database(), Map.of(
                "PROVIDERS", "customerio-app-api",
                "CUSTOMERIO_APP_API_US_URL", us.url(),
                "CUSTOMERIO_APP_API_EU_URL", eu.url(),
                "CUSTOMERIO_APP_API_REQUEST_TIMEOUT", "1s"));
    }

    @AfterAll
    static void stop() {
        service.close();
        us.close();
        eu.close();
        ROOT.detachAppender(LOGS);
    }

    private static String key(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static URI connectUrl(String owner) throws Exception {
        return service.api.createConnectUrl(owner, "customerio-app-api", RunningService.RETURN_TO);
    }

    @Test
    void anAcceptedKeyIsStoredEncryptedAndHandedOutAsABearerTokenWithoutExpiry() throws Exception {
        String key = key("ok-");
        Browser browser = new Browser();

        HttpResponse<String> done = KeyForms.submit(browser, KeyForms.open(browser, connectUrl("ann")), key, "eu");

        assertThat(done.statusCode()).isEqualTo(303);
        URI back = Browser.location(done);
        assertThat(back.toString()).startsWith(RunningService.RETURN_TO + "?connection_id=").endsWith("&status=connected");
        assertThat(eu.keysSeen).containsExactly("/v1/workspaces " + key);
        assertThat(us.keysSeen).noneMatch(seen -> seen.endsWith(key));
        String id = ConnectFlows.parameter(back, "connection_id");
        HostApi.Answer token = service.api.call("POST", "/api/v1/connections/" + id + "/access-token",
                "{\"force_refresh\": true}");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("access_token").asText()).isEqualTo(key);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_at").isNull()).isTrue();
        assertThat(token.json().get("scopes").toString()).isEqualTo("[\"region:eu\"]");
        assertThat(eu.keysSeen).as("handing the key out asks Customer.io nothing").hasSize(1);
        assertThat(everyRow()).isNotEmpty().noneMatch(row -> row.contains(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-", "banned-"})
    void aRefusedKeyIsNeverStoredAndTheFormSaysSoWithoutEchoingIt(String prefix) throws Exception {
        String key = key(prefix);
        Browser browser = new Browser();

        HttpResponse<String> again = KeyForms.submit(browser, KeyForms.open(browser, connectUrl("bea")), key, "us");

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Customer.io did not accept this key").doesNotContain(key);
        assertThat(service.api.call("GET", "/api/v1/connections?owner=bea", null).json().get("connections")).isEmpty();
        assertThat(everyRow()).noneMatch(row -> row.contains(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slow-", "busy-", "down-"})
    void anUnreachableRateLimitedOrFailingHostAsksToTryAgainAndTheFormStillWorks(String prefix) throws Exception {
        String key = key(prefix);
        String owner = "cat-" + prefix;
        Browser browser = new Browser();

        HttpResponse<String> again = KeyForms.submit(browser, KeyForms.open(browser, connectUrl(owner)), key, "us");

        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(again.body()).contains("Customer.io could not be reached").doesNotContain(key);
        assertThat(service.api.call("GET", "/api/v1/connections?owner=" + owner, null).json().get("connections"))
                .isEmpty();
        assertThat(KeyForms.submit(browser, again, key("ok-"), "us").statusCode()).isEqualTo(303);
    }

    @Test
    void aFormSubmittedFromAnotherBrowserChecksNothing() throws Exception {
        String key = key("ok-");
        HttpResponse<String> page = KeyForms.open(new Browser(), connectUrl("dan"));
        int checks = us.keysSeen.size() + eu.keysSeen.size();

        HttpResponse<String> forged = KeyForms.submit(new Browser(), page, key, "us");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).doesNotContain(key);
        assertThat(us.keysSeen.size() + eu.keysSeen.size()).isEqualTo(checks);
    }

    @Test
    void deletingDestroysTheKeyWithoutCallingCustomerIo() throws Exception {
        Browser browser = new Browser();
        URI back = Browser.location(KeyForms.submit(browser, KeyForms.open(browser, connectUrl("eve")), key("ok-"), "us"));
        String id = ConnectFlows.parameter(back, "connection_id");
        int checks = us.keysSeen.size() + eu.keysSeen.size();

        assertThat(service.api.call("DELETE", "/api/v1/connections/" + id, null).status()).isEqualTo(204);

        assertThat(service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null).status()).isEqualTo(404);
        assertThat(us.keysSeen.size() + eu.keysSeen.size()).isEqualTo(checks);
        assertThat(scalar("SELECT count(*) FROM pending_revocations")).isEqualTo("0");
    }

    @Test
    void noKeyEverReachesALogLine() throws Exception {
        List<String> keys = List.of(key("ok-"), key("bad-"), key("down-"));
        for (String key : keys) {
            Browser browser = new Browser();
            KeyForms.submit(browser, KeyForms.open(browser, connectUrl("fay")), key, "us");
        }

        List<String> lines = LOGS.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("refused by the us API"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("could not be checked"));
        for (String key : keys) {
            assertThat(String.join("\n", lines)).doesNotContain(key).doesNotContain(key.substring(key.indexOf('-') + 1));
        }
    }

    private static List<String> everyRow() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("connect_sessions", "pending_authorizations", "connections", "pending_revocations")) {
            try (Connection connection = POSTGRES.database().openConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    private static String scalar(String sql) throws Exception {
        try (Connection connection = POSTGRES.database().openConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
