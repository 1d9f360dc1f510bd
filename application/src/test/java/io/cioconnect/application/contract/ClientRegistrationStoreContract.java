package io.cioconnect.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.domain.ClientSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ClientRegistrationStore}; run against every implementation. */
public abstract class ClientRegistrationStoreContract {

    protected static final String ISSUER = "https://auth.example.com/tenant";
    protected static final URI CALLBACK = URI.create("https://connect.example.com/oauth/customerio-mcp/callback");
    protected static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private ClientRegistrationStore store;

    /** A fresh, empty store for each test. */
    protected abstract ClientRegistrationStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    protected static ClientRegistration registration(String issuer, URI redirectUri, String clientId) {
        return new ClientRegistration(issuer, redirectUri, clientId, null, null, "none", NOW);
    }

    @Test
    void findsNothingBeforeAClientIsKept() {
        assertThat(store.find(ISSUER, CALLBACK)).isEmpty();
    }

    @Test
    void keepsAConfidentialClientWithItsSecretExpiryAndAuthMethod() {
        ClientRegistration confidential = new ClientRegistration(ISSUER, CALLBACK, "client-1",
                new ClientSecret("s3cret \"quoted\" é"), NOW.plusSeconds(3600), "client_secret_basic", NOW);

        store.keepFirst(confidential);

        assertThat(store.find(ISSUER, CALLBACK)).contains(confidential);
    }

    @Test
    void keepsAPublicClientWithoutASecret() {
        store.keepFirst(registration(ISSUER, CALLBACK, "public-1"));

        assertThat(store.find(ISSUER, CALLBACK)).hasValueSatisfying(found -> {
            assertThat(found.optionalSecret()).isEmpty();
            assertThat(found.tokenEndpointAuthMethod()).isEqualTo("none");
        });
    }

    @Test
    void keepsTheFirstClientAndHandsItToLaterCandidates() {
        ClientRegistration first = registration(ISSUER, CALLBACK, "first");

        assertThat(store.keepFirst(first)).isEqualTo(first);
        assertThat(store.keepFirst(registration(ISSUER, CALLBACK, "second"))).isEqualTo(first);
        assertThat(store.find(ISSUER, CALLBACK)).contains(first);
    }

    @Test
    void keepsOneClientPerIssuerAndRedirectUri() {
        URI otherCallback = URI.create("https://other.example.com/oauth/customerio-mcp/callback");
        store.keepFirst(registration(ISSUER, CALLBACK, "a"));
        store.keepFirst(registration("https://auth.example.com/other-tenant", CALLBACK, "b"));
        store.keepFirst(registration(ISSUER, otherCallback, "c"));

        assertThat(store.find(ISSUER, CALLBACK)).map(ClientRegistration::clientId).contains("a");
        assertThat(store.find("https://auth.example.com/other-tenant", CALLBACK)).map(ClientRegistration::clientId)
                .contains("b");
        assertThat(store.find(ISSUER, otherCallback)).map(ClientRegistration::clientId).contains("c");
    }

    @Test
    void replacesAClientTheServerNoLongerKnows() {
        ClientRegistration stale = store.keepFirst(registration(ISSUER, CALLBACK, "stale"));
        ClientRegistration fresh = new ClientRegistration(ISSUER, CALLBACK, "fresh", new ClientSecret("new-secret"),
                null, "client_secret_post", NOW.plusSeconds(60));

        assertThat(store.replace(stale, fresh)).isEqualTo(fresh);
        assertThat(store.find(ISSUER, CALLBACK)).contains(fresh);
    }

    /** Two instances told invalid_client at once each register anew: the first replacement stays. */
    @Test
    void keepsTheFirstReplacementOfAStaleClient() {
        ClientRegistration stale = store.keepFirst(registration(ISSUER, CALLBACK, "stale"));
        ClientRegistration first = registration(ISSUER, CALLBACK, "replacement-1");

        store.replace(stale, first);

        assertThat(store.replace(stale, registration(ISSUER, CALLBACK, "replacement-2"))).isEqualTo(first);
        assertThat(store.find(ISSUER, CALLBACK)).contains(first);
    }

    @Test
    void keepsAReplacementWhenNothingWasKept() {
        ClientRegistration fresh = registration(ISSUER, CALLBACK, "fresh");

        assertThat(store.replace(registration(ISSUER, CALLBACK, "gone"), fresh)).isEqualTo(fresh);
        assertThat(store.find(ISSUER, CALLBACK)).contains(fresh);
    }

    @Test
    void handsEveryRacingCandidateTheSameWinner() throws Exception {
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<ClientRegistration>> candidates = IntStream.range(0, racers)
                    .<Callable<ClientRegistration>>mapToObj(i -> () -> {
                        start.await();
                        return store.keepFirst(registration(ISSUER, CALLBACK, "racer-" + i));
                    })
                    .toList();
            List<Future<ClientRegistration>> kept = candidates.stream().map(pool::submit).toList();
            start.countDown();
            ClientRegistration winner = null;
            for (Future<ClientRegistration> future : kept) {
                ClientRegistration result = future.get(20, TimeUnit.SECONDS);
                winner = winner == null ? result : winner;
                assertThat(result).isEqualTo(winner);
            }
            assertThat(store.find(ISSUER, CALLBACK)).contains(winner);
        } finally {
            pool.shutdownNow();
        }
    }
}
