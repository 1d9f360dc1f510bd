package io.cioconnect.adapter.customerio;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.customerio.McpDiscovery.Found;
import io.cioconnect.application.memory.InMemoryClientRegistrationStore;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small rules of MCP discovery and client identity, one at a time. */
class McpRulesTest {

    @Test
    void readsTheBearerChallengesResourceMetadataAndScope() {
        assertThat(BearerChallenge.of(List.of("Bearer resource_metadata=\"https://mcp.example.com/.well-known/"
                + "oauth-protected-resource/mcp\", scope=\"files:read files:write\"")))
                .hasValue(Map.of("resource_metadata", "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
                        "scope", "files:read files:write"));
    }

    @Test
    void findsTheBearerChallengeAmongOthersWhateverTheCase() {
        assertThat(BearerChallenge.of(List.of("Basic realm=\"x\", Bearer Resource_Metadata=\"https://a/b\", error=invalid_token")))
                .hasValueSatisfying(parameters -> assertThat(parameters).containsEntry("resource_metadata", "https://a/b")
                        .containsEntry("error", "invalid_token"));
        assertThat(BearerChallenge.of(List.of("Basic dXNlcjpwYXNz==, bearer realm=\"mcp\"")))
                .hasValue(Map.of("realm", "mcp"));
        assertThat(BearerChallenge.of(List.of("DPoP algs=\"ES256\"", "Bearer scope=\"a\\\"b\"")))
                .hasValue(Map.of("scope", "a\"b"));
    }

    @Test
    void readsNothingFromAMissingOrBrokenChallenge() {
        assertThat(BearerChallenge.of(List.of())).isEmpty();
        assertThat(BearerChallenge.of(List.of("Basic realm=\"x\""))).isEmpty();
        assertThat(BearerChallenge.of(List.of("Bearer resource_metadata=\"https://unterminated")))
                .hasValue(Map.of());
    }

    @Test
    void looksForResourceMetadataAtThePathOfTheMcpEndpointThenAtTheRoot() {
        assertThat(ProtectedResourceMetadata.wellKnownUrls(URI.create("https://mcp.customer.io/mcp"))).containsExactly(
                URI.create("https://mcp.customer.io/.well-known/oauth-protected-resource/mcp"),
                URI.create("https://mcp.customer.io/.well-known/oauth-protected-resource"));
        assertThat(ProtectedResourceMetadata.wellKnownUrls(URI.create("https://mcp.example.com")))
                .containsExactly(URI.create("https://mcp.example.com/.well-known/oauth-protected-resource"));
    }

    @Test
    void looksForServerMetadataInTheMcpSpecificationsOrder() {
        assertThat(AuthorizationServerMetadata.urls("https://auth.example.com/tenant1")).containsExactly(
                URI.create("https://auth.example.com/.well-known/oauth-authorization-server/tenant1"),
                URI.create("https://auth.example.com/.well-known/openid-configuration/tenant1"),
                URI.create("https://auth.example.com/tenant1/.well-known/openid-configuration"));
        assertThat(AuthorizationServerMetadata.urls("https://auth.example.com")).containsExactly(
                URI.create("https://auth.example.com/.well-known/oauth-authorization-server"),
                URI.create("https://auth.example.com/.well-known/openid-configuration"));
    }

    @Test
    void selectsScopesConfiguredThenChallengedThenAdvertisedAddingOfflineAccessWhenOffered() {
        Found advertised = found(null, Scopes.parse("mcp:read mcp:write"), List.of());
        Found challenged = found(Scopes.parse("mcp:read"), Scopes.parse("mcp:read mcp:write"), List.of());
        Found withOffline = found(null, Scopes.parse("mcp:read"), List.of("mcp:read", "offline_access"));
        Found nothing = found(null, null, List.of("offline_access"));

        assertThat(McpScopes.select(Scopes.parse("only:this"), challenged).render()).isEqualTo("only:this");
        assertThat(McpScopes.select(Scopes.none(), challenged).render()).isEqualTo("mcp:read");
        assertThat(McpScopes.select(Scopes.none(), advertised).render()).isEqualTo("mcp:read mcp:write");
        assertThat(McpScopes.select(Scopes.none(), withOffline).render()).isEqualTo("mcp:read offline_access");
        assertThat(McpScopes.select(Scopes.none(), nothing).isEmpty()).as("no scope parameter at all").isTrue();
    }

    @Test
    void takesItsDocumentUrlAsClientIdOnlyOverHttpsOrOnThisMachine() {
        assertThat(metadata("https://connect.example.com/oauth/customerio-mcp/client-metadata.json").documentUrlUsable())
                .isTrue();
        assertThat(metadata("http://localhost:8080/oauth/customerio-mcp/client-metadata.json").documentUrlUsable())
                .isTrue();
        assertThat(metadata("http://connect.example.com/oauth/customerio-mcp/client-metadata.json").documentUrlUsable())
                .isFalse();
    }

    @Test
    void choosesClientSecretBasicUnlessTheServerTakesOnlyPost() {
        assertThat(server(List.of()).secretAuthMethod()).isEqualTo("client_secret_basic");
        assertThat(server(List.of("client_secret_post", "none")).secretAuthMethod()).isEqualTo("client_secret_post");
        assertThat(server(List.of("client_secret_post", "client_secret_basic")).secretAuthMethod())
                .isEqualTo("client_secret_basic");
    }

    @Test
    void promisesARefreshWithinThreeRequestTimeoutsOfDiscoveryAndRegistrationAndTheTokenRequestsLongestCall() {
        McpOAuthProvider provider = new McpOAuthProvider(settings("https://connect.example.com/client.json"),
                new InMemoryClientRegistrationStore(), new SimpleMeterRegistry());

        // 3 × 10 s, then the token request: its 30 s retry budget covers a 5 s permit wait and a 10 s attempt.
        assertThat(provider.refreshTimeLimit()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void startsARequestOnlyIfItsLongestRunEndsByTheDeadline() {
        CallDeadline deadline = CallDeadline.in(Duration.ofMinutes(1));

        assertThat(deadline.fits(Duration.ofSeconds(50))).isTrue();
        assertThat(deadline.fits(Duration.ofSeconds(61))).isFalse();
        assertThat(CallDeadline.in(Duration.ZERO).fits(Duration.ofMillis(1))).isFalse();
        assertThat(CallDeadline.none().fits(Duration.ofDays(365))).isTrue();
    }

    private static Found found(Scopes challenged, Scopes advertised, List<String> serverScopes) {
        return new Found(new ProtectedResourceMetadata("https://as.example.com", advertised),
                new AuthorizationServerMetadata("https://as.example.com", URI.create("https://as.example.com/a"),
                        URI.create("https://as.example.com/t"), null, null, true, true, List.of(), serverScopes),
                challenged);
    }

    private static AuthorizationServerMetadata server(List<String> methods) {
        return new AuthorizationServerMetadata("https://as.example.com", URI.create("https://as.example.com/a"),
                URI.create("https://as.example.com/t"), null, null, false, false, methods, List.of());
    }

    private static McpClientMetadata metadata(String documentUrl) {
        return new McpClientMetadata(settings(documentUrl));
    }

    private static McpSettings settings(String documentUrl) {
        URI base = URI.create(documentUrl).resolve("/");
        return new McpSettings(new ProviderId("customerio-mcp"), URI.create("https://mcp.customer.io/mcp"), null, null,
                Scopes.none(), base.resolve("/oauth/customerio-mcp/callback"), URI.create(documentUrl), "cio-connect",
                CallPolicy.defaults(), Duration.ofHours(1));
    }
}
