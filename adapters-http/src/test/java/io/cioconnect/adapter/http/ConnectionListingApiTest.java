package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cioconnect.application.Fixtures;
import io.cioconnect.application.contract.LeasedWrites;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v1/connections} across owners: filters, limit and cursor pages, and strict parameters. */
class ConnectionListingApiTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ConnectionId connectLater(String owner) {
        server.core.clock.advance(Duration.ofSeconds(1));
        return server.core.connect(owner);
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = server.send(server.api("/api/v1/connections" + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonFields.parse(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("connections").forEach(connection -> ids.add(connection.get("id").asText()));
        return ids;
    }

    @Test
    void listsEveryOwnersConnectionsOldestFirstWithoutAnOwner() {
        ConnectionId first = connectLater("user-1");
        ConnectionId second = connectLater("user-2");

        JsonNode page = list("");

        assertThat(ids(page)).containsExactly(first.toString(), second.toString());
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void pagesThroughEveryConnectionWithLimitAndCursor() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(connectLater("user-" + i).toString());
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = list("?limit=2");
        int pages = 1;
        while (!page.get("next_cursor").isNull()) {
            seen.addAll(ids(page));
            assertThat(page.get("connections")).hasSize(2);
            page = list("?limit=2&cursor=" + page.get("next_cursor").asText());
            pages++;
        }
        seen.addAll(ids(page));

        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByOwnerProviderAndStatus() {
        ConnectionId lost = connectLater("user-1");
        LeasedWrites.write(server.core.connections, lost, server.core.clock.instant(),
                current -> current.markReauthorizationRequired("invalid_grant", server.core.clock.instant()));
        ConnectionId active = connectLater("user-2");
        Connection other = server.core.connections.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("user-2"), new ProviderId("sandbox"), Fixtures.tokens(server.core.clock.instant(),
                        Duration.ofHours(1)), server.core.clock.instant().plusSeconds(1)), Fixtures.NOTHING_TO_REVOKE);

        assertThat(ids(list("?status=reauthorization_required"))).containsExactly(lost.toString());
        assertThat(ids(list("?status=active&provider=customerio"))).containsExactly(active.toString());
        assertThat(ids(list("?provider=sandbox"))).containsExactly(other.id().toString());
        assertThat(ids(list("?owner=user-2"))).containsExactly(active.toString(), other.id().toString());
        assertThat(ids(list("?owner=user-2&provider=sandbox&status=reauthorization_required"))).isEmpty();
    }

    @Test
    void filtersApplyOnEveryPage() {
        connectLater("user-1");
        ConnectionId first = connectLater("user-2");
        connectLater("user-3");
        server.core.connections.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner("user-2"),
                new ProviderId("sandbox"), Fixtures.tokens(server.core.clock.instant(), Duration.ofHours(1)),
                server.core.clock.instant().plusSeconds(5)), Fixtures.NOTHING_TO_REVOKE);

        JsonNode page = list("?owner=user-2&limit=1");
        assertThat(ids(page)).containsExactly(first.toString());
        JsonNode next = list("?owner=user-2&limit=1&cursor=" + page.get("next_cursor").asText());
        assertThat(next.get("connections").get(0).get("provider").asText()).isEqualTo("sandbox");
        assertThat(next.get("next_cursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=201", "?limit=-1", "?limit=abc", "?limit=1.5", "?limit=", "?limit=1000",
            "?limit=%201", "?limit=2&limit=3", "?status=revoked", "?status=ACTIVE", "?status=", "?status=active&status=active",
            "?provider=Customer.io", "?provider=", "?owner=", "?cursor=", "?cursor=abc", "?cursor=%00", "?cursor=a%2Bb",
            "?cursor=YzEuMC4wLm5vdC1hLXV1aWQ", "?cursor=YzEuMDAxLjAuMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw",
            "?cursor=YzEuOTk5OTk5OTk5OTk5OTk5OTk5OS4wLjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA"})
    void refusesAnInvalidParameterWithoutEchoingIt(String query) {
        HttpResponse<String> response = server.send(server.api("/api/v1/connections" + query));

        ConnectSessionApiTest.assertValidationFailed(response);
        assertThat(response.body()).doesNotContain("Customer.io", "revoked", "abc", "YzEu");
    }

    @Test
    void aCursorAsLongAsAllowedButNotOursIsRefused() {
        ConnectSessionApiTest.assertValidationFailed(server.send(server.api("/api/v1/connections?cursor=" + "A".repeat(96))));
        ConnectSessionApiTest.assertValidationFailed(server.send(server.api("/api/v1/connections?cursor=" + "A".repeat(97))));
    }

    /** Every one-character change of a real cursor is either refused or names another valid place: never a 5xx. */
    @Test
    void aTamperedCursorIsRefusedOrHarmless() {
        connectLater("user-1");
        connectLater("user-2");
        String cursor = list("?limit=1").get("next_cursor").asText();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : new char[] {alphabet.charAt(i % alphabet.length()), 'A', '_'}) {
                String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                int status = server.send(server.api("/api/v1/connections?cursor=" + tampered)).statusCode();
                assertThat(status).as(tampered).isIn(200, 400);
            }
        }
        assertThat(server.send(server.api("/api/v1/connections?cursor=" + cursor.substring(1))).statusCode()).isEqualTo(400);
    }

    @Test
    void listingNeedsAnApiKey() {
        assertThat(server.get("/api/v1/connections").statusCode()).isEqualTo(401);
    }
}
