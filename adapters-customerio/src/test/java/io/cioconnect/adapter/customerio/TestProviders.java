package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.CallPolicy.CircuitPolicy;
import io.cioconnect.adapter.customerio.CallPolicy.RateLimit;
import io.cioconnect.adapter.customerio.CallPolicy.RetryPolicy;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.Backoff;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Settings and values shared by the provider client's tests. */
final class TestProviders {

    static final String CLIENT_ID = "cio-client";
    static final String CLIENT_SECRET = "s3cret-client-value";
    /** RFC 7636 Appendix B's verifier. */
    static final PkceVerifier VERIFIER = new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    static final AuthorizationCode CODE = new AuthorizationCode("SplxlOBeZQQYbYS6WxSbIA");
    static final URI REDIRECT_URI = URI.create("https://connect.example.com/oauth/customerio/callback");

    private TestProviders() {
    }

    /** Short timeouts and backoffs so failure tests run in well under a second each; no rate limit, a lazy circuit. */
    static CallPolicy fastPolicy() {
        return CallPolicy.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withRateLimit(new RateLimit(0, Duration.ZERO))
                .withRetry(new RetryPolicy(3, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(2)), Duration.ofSeconds(20)))
                .withCircuit(new CircuitPolicy(100, 100, 50f, Duration.ofMinutes(1)));
    }

    static ProviderSettings settings(MockWebServer server, TokenRequestFormat format, ClientAuthMethod auth) {
        return settings(server, CLIENT_ID, CLIENT_SECRET, format, auth);
    }

    static ProviderSettings settings(MockWebServer server, String clientId, String secret,
            TokenRequestFormat format, ClientAuthMethod auth) {
        return new ProviderSettings(new ProviderId("customerio"), clientId, new ClientSecret(secret),
                URI.create("https://fly.customer.io/oauth/authorize"), url(server, "/v1/oauth/token"),
                url(server, "/oauth/revoke"), null, Scopes.parse("full_access"), format, auth, fastPolicy(), false);
    }

    /** A provider known only by its issuer: its endpoints are left for {@link ProviderDiscovery}, explicit ones win. */
    static ProviderSettings discoverable(String issuer, URI tokenUrl, Scopes scopes, ClientAuthMethod auth,
            CallPolicy policy) {
        return new ProviderSettings(new ProviderId("sandbox"), "sandbox client", new ClientSecret("sandbox secret/+="),
                null, tokenUrl, null, issuer, scopes, TokenRequestFormat.FORM, auth, policy, false);
    }

    static URI url(MockWebServer server, String path) {
        return URI.create(server.url(path).toString());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse tokens(String body) {
        return json(200, body);
    }
}
