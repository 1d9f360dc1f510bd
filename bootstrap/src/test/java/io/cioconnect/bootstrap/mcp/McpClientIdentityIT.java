package io.cioconnect.bootstrap.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.bootstrap.e2e.Browser;
import io.cioconnect.bootstrap.e2e.CapturedLogs;
import io.cioconnect.bootstrap.e2e.ConnectFlows;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which client the service is at the MCP server's authorization server, in the MCP specification's order: a
 * configured client, else its client ID metadata document, else dynamic registration shared by instances.
 */
class McpClientIdentityIT extends McpServiceTest {

    private String documentUrl() {
        return service.environment.get("PUBLIC_BASE_URL") + "/oauth/customerio-mcp/client-metadata.json";
    }

    private String callback() {
        return service.environment.get("PUBLIC_BASE_URL") + "/oauth/customerio-mcp/callback";
    }

    private long registrationsStored() throws Exception {
        return count("SELECT count(*) FROM oauth_client_registrations");
    }

    @Test
    void anAuthorizationServerFetchesAndChecksTheServicesMetadataDocument() throws Exception {
        startService();

        McpFlows.connect(service, "ada");

        assertThat(server.to("/as/authorize").get(0).queryParameter("client_id")).isEqualTo(documentUrl());
        assertThat(server.authorization.documentChecks)
                .containsExactly("status=200 client_id=matches redirect_uri=listed auth=none");
        McpTestServer.Seen exchange = server.to("/as/token").get(0);
        assertThat(exchange.formParameter("client_id")).isEqualTo(documentUrl());
        assertThat(exchange.form()).doesNotContainKey("client_secret");
        assertThat(exchange.headers()).doesNotContainKey("Authorization");
        assertThat(server.to("/as/register")).as("no registration when the document is taken").isEmpty();
    }

    @Test
    void servesTheMetadataDocumentTheSpecificationDescribes() throws Exception {
        startService();

        HttpResponse<String> served = new Browser().get(URI.create(documentUrl()));

        JsonNode document = new ObjectMapper().readTree(served.body());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(document.get("client_id").asText()).isEqualTo(documentUrl());
        assertThat(document.get("client_name").asText()).isEqualTo("cio-connect");
        assertThat(document.get("redirect_uris")).extracting(JsonNode::asText).containsExactly(callback());
        assertThat(document.get("grant_types")).extracting(JsonNode::asText).containsExactly("authorization_code", "refresh_token");
        assertThat(document.get("response_types")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(document.get("token_endpoint_auth_method").asText()).isEqualTo("none");
    }

    @Test
    void aServerOfferingOnlyRegistrationIsRegisteredWithOnceAndTheClientIsKept() throws Exception {
        server.metadataDocuments = false;
        startService();

        McpFlows.connect(service, "bea");
        McpFlows.connect(service, "cal");

        assertThat(server.authorization.registrationRequests).hasSize(1);
        JsonNode metadata = server.authorization.registrationRequests.get(0);
        assertThat(metadata.get("redirect_uris")).extracting(JsonNode::asText).containsExactly(callback());
        assertThat(metadata.get("token_endpoint_auth_method").asText()).isEqualTo("none");
        assertThat(metadata.get("application_type").asText()).as("a loopback callback").isEqualTo("native");
        assertThat(metadata.has("client_id")).isFalse();
        String registered = server.authorization.registeredClients().iterator().next();
        assertThat(server.to("/as/authorize")).extracting(request -> request.queryParameter("client_id"))
                .containsExactly(registered, registered);
        assertThat(registrationsStored()).isEqualTo(1);
    }

    @Test
    void aFailingRegistrationEndpointEndsTheFlowClearlyAndStoresNothing() throws Exception {
        server.metadataDocuments = false;
        server.registrationFails = true;
        startService();

        HttpResponse<String> start = McpFlows.open(service, new Browser(), "dov");

        assertThat(Browser.location(start)).hasToString(RunningService.RETURN_TO + "?status=error&error=provider_error");
        assertThat(server.to("/as/authorize")).isEmpty();
        assertThat(registrationsStored()).isZero();
        assertThat(count("SELECT count(*) FROM pending_authorizations")).isZero();
    }

    @Test
    void aServerOfferingNeitherMechanismIsAClearErrorNamingTheVariableToSet() throws Exception {
        server.metadataDocuments = false;
        server.registration = false;
        startService();
        HttpResponse<String> start;

        try (CapturedLogs logs = new CapturedLogs()) {
            start = McpFlows.open(service, new Browser(), "eli");
            assertThat(logs.messages()).anyMatch(line -> line.contains("takes neither client ID metadata documents")
                    && line.contains("set CUSTOMERIO_MCP_CLIENT_ID"));
        }

        assertThat(ConnectFlows.parameter(Browser.location(start), "error")).isEqualTo("provider_error");
        assertThat(server.to("/as/register")).isEmpty();
        assertThat(registrationsStored()).isZero();
    }

    @Test
    void aConfiguredClientComesFirstAndAuthenticatesAsTheServerAsks() throws Exception {
        startService("CUSTOMERIO_MCP_CLIENT_ID", "pre-registered",
                "CUSTOMERIO_MCP_CLIENT_SECRET", "pre-registered-secret");
        server.authorization.preregister("pre-registered", "pre-registered-secret", callback());

        McpFlows.connect(service, "fay");

        assertThat(server.to("/as/authorize").get(0).queryParameter("client_id")).isEqualTo("pre-registered");
        assertThat(server.to("/as/token").get(0).headers().get("Authorization")).singleElement().asString()
                .startsWith("Basic ");
        assertThat(server.authorization.documentChecks).isEmpty();
        assertThat(server.to("/as/register")).isEmpty();
    }

    /** Two instances sharing the database register at the same moment: the unique key keeps one client for both. */
    @Test
    void twoInstancesRacingToRegisterEndWithOneClient() throws Exception {
        server.metadataDocuments = false;
        server.authorization.registrationGate = new CountDownLatch(2);
        startService();
        other = McpFlows.start(POSTGRES.database(), server, "PUBLIC_BASE_URL", service.environment.get("PUBLIC_BASE_URL"),
                "RETURN_TO_ALLOWED_ORIGINS", service.environment.get("RETURN_TO_ALLOWED_ORIGINS"));

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> open(service, "gil"));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> open(other, "hana"));
        List<HttpResponse<String>> starts = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        assertThat(server.authorization.registrationRequests).as("both asked the server").hasSize(2);
        assertThat(registrationsStored()).isEqualTo(1);
        assertThat(starts).extracting(start -> ConnectFlows.parameter(Browser.location(start), "client_id"))
                .as("one client, the one kept").containsOnly(storedClientId());
    }

    /** The server forgot the registered client: the service registers once more and uses the new client from then on. */
    @Test
    void invalidClientLeadsToOneRegistrationMore() throws Exception {
        server.metadataDocuments = false;
        startService();
        String id = McpFlows.connectionId(McpFlows.connect(service, "ivy"));
        String forgotten = storedClientId();
        server.authorization.forget(forgotten);

        HostApi.Answer refresh = McpFlows.accessToken(service, id, true);
        McpFlows.connect(service, "jon");

        assertThat(server.authorization.registrationRequests).hasSize(2);
        assertThat(storedClientId()).isNotEqualTo(forgotten);
        assertThat(server.to("/as/authorize").get(1).queryParameter("client_id")).isEqualTo(storedClientId());
        // The grant belonged to the forgotten client: the refresh tried again with the new one, which it is not.
        assertThat(refresh.status()).isEqualTo(409);
        assertThat(refresh.json().get("code").asText()).isEqualTo("reauthorization_required");
        assertThat(server.to("/as/token")).filteredOn(request -> "refresh_token".equals(request.formParameter("grant_type")))
                .extracting(request -> request.formParameter("client_id")).containsExactly(forgotten, storedClientId());
    }

    private String storedClientId() throws Exception {
        try (Connection connection = POSTGRES.database().openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT client_id FROM oauth_client_registrations")) {
            assertThat(result.next()).as("a registration is stored").isTrue();
            return result.getString(1);
        }
    }

    /** Opens a connect link at {@code running} itself (both instances share one PUBLIC_BASE_URL, as behind a balancer). */
    private static HttpResponse<String> open(RunningService running, String owner) {
        try {
            URI link = running.api.createConnectUrl(owner, McpFlows.PROVIDER, RunningService.RETURN_TO);
            return new Browser().get(running.baseUrl.resolve(link.getRawPath() + "?" + link.getRawQuery()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
