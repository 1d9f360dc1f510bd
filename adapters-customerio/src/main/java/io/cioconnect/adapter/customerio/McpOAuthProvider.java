package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.McpClient.Identity;
import io.cioconnect.adapter.customerio.McpDiscovery.Found;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.PreparedAuthorization;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Adapter: an MCP server's authorization server, as the MCP authorization specification has clients use it.
 * The server's metadata is discovered when first needed, the client identity follows the specification's
 * order ({@link McpClients}), and every request names the MCP server as its {@code resource} (RFC 8707). A
 * registered client the server no longer knows ({@code invalid_client}) is registered once more.
 */
public final class McpOAuthProvider implements OAuthProvider {

    /** Request timeouts a refresh may spend on discovery and registration: a probe and two metadata documents. */
    static final int PREPARATION_REQUESTS = 3;

    private final McpSettings settings;
    private final McpMetadataCache metadata;
    private final McpClients clients;
    private final McpTokenRequests requests;
    private final EndpointCalls endpoints;
    private final ResilientCalls calls;
    private final ProviderMetrics metrics;

    public McpOAuthProvider(McpSettings settings, ClientRegistrationStore registrations, MeterRegistry meters) {
        this(settings, registrations, meters, Clock.systemUTC());
    }

    public McpOAuthProvider(McpSettings settings, ClientRegistrationStore registrations, MeterRegistry meters,
            Clock clock) {
        ProviderHttp http = new ProviderHttp(settings.callPolicy());
        this.settings = settings;
        this.metrics = new ProviderMetrics(meters, settings.id());
        this.metadata = new McpMetadataCache(new McpDiscovery(http, settings.resource()), metrics,
                settings.metadataLifetime(), clock);
        this.clients = new McpClients(settings, new ClientRegistrar(http, new McpClientMetadata(settings),
                settings.redirectUri(), clock), registrations, metrics, clock);
        this.requests = new McpTokenRequests(settings.resource(), http::request);
        this.endpoints = new EndpointCalls(http, clock);
        this.calls = new ResilientCalls(settings.id().value(), settings.callPolicy(), meters);
    }

    /** Issuer unknown until discovery (each flow records the one it found); revocation decided per server. */
    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(settings.id(), settings.scopes(), null, true, ProviderKind.MCP,
                settings.id().equals(McpPresets.PROVIDER_ID) ? McpPresets.DISPLAY_NAME : settings.id().value(),
                settings.resource());
    }

    @Override
    public URI authorizeUrl(AuthorizationRequest request) {
        return prepare(request).fold(PreparedAuthorization.Ready::authorizeUrl, unavailable -> {
            throw new IllegalStateException("provider " + settings.id() + " is unavailable: " + unavailable.failure().kind());
        });
    }

    @Override
    public PreparedAuthorization prepare(AuthorizationRequest request) {
        Fetched<PreparedAuthorization> prepared = metadata.get().then(found -> clients.resolve(found.server())
                .then(client -> Fetched.of(ready(found, client, request))));
        return prepared.ok() ? prepared.value() : new PreparedAuthorization.Unavailable(prepared.failure());
    }

    private PreparedAuthorization ready(Found found, McpClient client, AuthorizationRequest request) {
        Scopes scopes = McpScopes.select(request.scopes(), found);
        URI url = AuthorizeUrl.build(found.server().authorizationEndpoint(), client.clientId(),
                new AuthorizationRequest(request.state(), request.challenge(), scopes, request.redirectUri()),
                Map.of("resource", settings.resource().toString()));
        return new PreparedAuthorization.Ready(url, new ExpectedIssuer(found.server().issuer(),
                found.server().issuerInAuthorizationResponse()), scopes);
    }

    /** Never retried (a code is spent once sent); an unknown registered client is replaced for the next flow. */
    @Override
    public TokenResult exchangeCode(AuthorizationCode code, PkceVerifier verifier, URI redirectUri) {
        return metrics.time("exchange", () -> tokens((server, client) -> calls.once(() -> endpoints.token(
                requests.exchange(server.tokenEndpoint(), client, code, verifier, redirectUri), Scopes.none(),
                secrets(client, code.value(), verifier.value())), HttpOAuthProvider.TOKEN_RESULTS), false,
                CallDeadline.none()), HttpOAuthProvider.TOKEN_RESULTS.failureOf());
    }

    /**
     * Retried on passing failures as {@link HttpOAuthProvider#refresh} is, so never repeated after a request that
     * got no answer (the server may have rotated the token); after {@code invalid_client} once more with a client
     * registered anew. Within {@link #refreshTimeLimit()}: a token request is only sent if it can end in time.
     */
    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        CallDeadline deadline = CallDeadline.in(refreshTimeLimit());
        return metrics.time("refresh", () -> tokens((server, client) -> calls.withRetries(() -> endpoints.token(
                requests.refresh(server.tokenEndpoint(), client, refreshToken, scopes), scopes,
                secrets(client, refreshToken.value())), HttpOAuthProvider.TOKEN_RESULTS), true, deadline),
                HttpOAuthProvider.TOKEN_RESULTS.failureOf());
    }

    /**
     * Discovery and a registration may take up to {@link #PREPARATION_REQUESTS} request timeouts before the
     * token request, which takes what {@link CallPolicy#longestCall()} says.
     */
    @Override
    public Duration refreshTimeLimit() {
        CallPolicy policy = settings.callPolicy();
        return policy.requestTimeout().multipliedBy(PREPARATION_REQUESTS).plus(policy.longestCall());
    }

    @Override
    public RevocationResult revoke(RevocableToken token) {
        Fetched<Found> found = metadata.get();
        if (!found.ok()) {
            return new RevocationResult.Failed(found.failure());
        }
        AuthorizationServerMetadata server = found.value().server();
        if (server.revocationEndpoint() == null) {
            return new RevocationResult.Revoked(); // the server offers no revocation: nothing more can be done
        }
        Fetched<McpClient> client = clients.resolve(server);
        if (!client.ok()) {
            return new RevocationResult.Failed(client.failure());
        }
        HttpRequest request = requests.revoke(server.revocationEndpoint(), client.value(), token);
        return metrics.time("revoke", () -> calls.withRetries(() -> endpoints.revocation(request,
                secrets(client.value(), token.value())), HttpOAuthProvider.REVOCATION_RESULTS),
                HttpOAuthProvider.REVOCATION_RESULTS.failureOf());
    }

    /** One token request to the discovered server as the resolved client, with what its failures call for. */
    private TokenResult tokens(TokenCall call, boolean againAfterNewClient, CallDeadline deadline) {
        Fetched<Found> found = metadata.get();
        if (!found.ok()) {
            return notSent(found.failure());
        }
        AuthorizationServerMetadata server = found.value().server();
        Fetched<McpClient> client = clients.resolve(server);
        if (!client.ok()) {
            return notSent(client.failure());
        }
        if (!deadline.fits(settings.callPolicy().longestCall())) {
            return notSent(ProviderFailure.of(Kind.UNAVAILABLE, "discovery and client registration left no time"
                    + " for the token request within the refresh time limit"));
        }
        TokenResult result = call.send(server, client.value());
        ProviderFailure failure = HttpOAuthProvider.TOKEN_RESULTS.failureOf().apply(result);
        if (failure == null) {
            return result;
        }
        if (failure.kind() == Kind.UNAVAILABLE || failure.kind() == Kind.INVALID_RESPONSE) {
            metadata.forget(); // the endpoints may have moved: discover again next time
        }
        if (failure.kind() != Kind.INVALID_CLIENT || client.value().identity() != Identity.REGISTERED) {
            return result;
        }
        Fetched<McpClient> fresh = clients.reregister(client.value(), server);
        boolean again = againAfterNewClient && deadline.fits(settings.callPolicy().longestCall());
        return fresh.ok() && again ? call.send(server, fresh.value()) : result;
    }

    /**
     * A failure met before the token request left (discovery, registration, no time left): whatever that request
     * met, the provider cannot have seen the token request, so its outcome is known: nothing was spent.
     */
    private static TokenResult notSent(ProviderFailure failure) {
        return new TokenResult.Failed(new ProviderFailure(failure.kind(), failure.detail(), failure.retryAfter()));
    }

    private static List<String> secrets(McpClient client, String... values) {
        return Stream.concat(Stream.of(values), Stream.of(client.secretValue())).filter(value -> value != null).toList();
    }

    /** Sends one token request to {@code server} as {@code client}. */
    private interface TokenCall {
        TokenResult send(AuthorizationServerMetadata server, McpClient client);
    }
}
