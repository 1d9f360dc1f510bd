package io.cioconnect.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.JarProcess;
import io.cioconnect.bootstrap.e2e.RunningService;
import io.cioconnect.bootstrap.e2e.ScriptedFlows;
import io.cioconnect.bootstrap.e2e.ScriptedFlows.PendingFlow;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged jar in {@code serve}, killed with SIGKILL while connect flows are pending, one callback is
 * halfway through its code exchange, and one refresh holds its connection's lease waiting for the provider
 * (and nothing of the database); then started again on the same database. The new instance takes the
 * refresh over once the dead holder's lease has ended, with exactly one successful rotation.
 */
@Tag("faults")
class KilledServiceIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration AUTHORIZATION_TTL = Duration.ofSeconds(2);
    static final String API_KEY = "faults-" + UUID.randomUUID();
    private static final String HELD_CODE = "code-held-by-the-provider";

    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final CountDownLatch refreshArrived = new CountDownLatch(1);
    private final CountDownLatch exchangeArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService inFlight = Executors.newFixedThreadPool(2);

    @Test
    void restartsWithEveryConnectionIntactNoStuckLockAndNoFlowToReplay() throws Exception {
        TestDatabase database = POSTGRES.database();
        try (ScriptedProvider provider = ScriptedProvider.start("acme")) {
            provider.script(this::holdWhileTheFirstInstanceLives);
            int port = RunningService.freePort();
            Map<String, String> env = environment(port, provider, database);
            HostApi api = new HostApi(URI.create("http://localhost:" + port), API_KEY);
            Path directory = Files.createTempDirectory("cio-connect-killed");

            Map<String, String> tokens = new HashMap<>();
            List<PendingFlow> pending = new ArrayList<>();
            PendingFlow halfway;
            String locked;
            Instant pendingSince;
            try (JarProcess first = JarProcess.start(directory, env, "serve")) {
                first.awaitLine("is listening", START);
                for (int i = 0; i < 5; i++) {
                    String id = ScriptedFlows.connect(api, provider.id(), "owner-" + i);
                    tokens.put(id, api.call("POST", "/api/v1/connections/" + id + "/access-token", null)
                            .json().get("access_token").asText());
                }
                pendingSince = Instant.now();
                for (int i = 0; i < 3; i++) {
                    pending.add(ScriptedFlows.begin(api, provider.id(), "pending-" + i));
                }
                halfway = ScriptedFlows.begin(api, provider.id(), "halfway");
                Future<?> callback = inFlight.submit(() -> halfway.browser().get(halfway.callback(HELD_CODE)));
                locked = tokens.keySet().iterator().next();
                Future<?> refresh = inFlight.submit(() ->
                        api.call("POST", "/api/v1/connections/" + locked + "/access-token", "{\"force_refresh\":true}"));
                assertThat(exchangeArrived.await(20, TimeUnit.SECONDS)).as("the code exchange reached the provider").isTrue();
                assertThat(refreshArrived.await(20, TimeUnit.SECONDS)).as("the refresh reached the provider").isTrue();
                assertThat(RowLocks.leaseEnd(database, locked)).as("the refresh holds the lease").isPresent();
                assertThat(RowLocks.isLocked(database, locked)).as("and no row lock while it waits").isFalse();
                assertThat(database.sessionsHoldingATransactionOrWaitingForALock()).as("nor a transaction").isZero();

                first.kill(Duration.ofSeconds(10));
                holding.set(false);
                release.countDown();
                assertThat(callback).failsWithin(Duration.ofSeconds(30)); // the connection died with the process
                assertThat(refresh).failsWithin(Duration.ofSeconds(30));
            }
            Instant leaseEnd = RowLocks.leaseEnd(database, locked).orElseThrow(); // the dead holder's lease stays

            try (JarProcess second = JarProcess.start(directory, env, "serve")) {
                second.awaitLine("is listening", START);
                for (Map.Entry<String, String> connection : tokens.entrySet()) {
                    HostApi.Answer token = api.call("POST", "/api/v1/connections/" + connection.getKey() + "/access-token", null);
                    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
                    assertThat(token.json().get("access_token").asText()).isEqualTo(connection.getValue());
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(leaseEnd));
                HostApi.Answer refreshed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> api.call("POST",
                        "/api/v1/connections/" + locked + "/access-token", "{\"force_refresh\":true}"),
                        "once the dead holder's lease has ended, a refresh takes it over at once");
                assertThat(refreshed.status()).as(refreshed.raw().body()).isEqualTo(200);
                assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(tokens.get(locked))
                        .isEqualTo(provider.lastAccessToken());
                assertThat(provider.rotations()).as("the killed refresh rotated nothing; the takeover once")
                        .isEqualTo(1);
                assertThat(RowLocks.leaseEnd(database, locked)).as("the takeover's write ended the lease").isEmpty();

                await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(pendingSince.plus(AUTHORIZATION_TTL)));
                for (PendingFlow flow : pending) {
                    String code = "code-" + UUID.randomUUID();
                    assertThat(flow.browser().get(flow.callback(code)).statusCode()).as("an expired flow").isEqualTo(400);
                    assertThat(provider.exchangesOf(code)).isZero();
                }
                assertThat(halfway.browser().get(halfway.callback(HELD_CODE)).statusCode()).as("a replay").isEqualTo(400);
                assertThat(provider.exchangesOf(HELD_CODE)).as("the code went to the provider once").isEqualTo(1);
                assertThat(api.call("GET", "/api/v1/connections?owner=halfway", null).json().get("connections")).isEmpty();
                assertThat(second.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            }
        } finally {
            release.countDown();
            inFlight.shutdownNow();
        }
    }

    /** The first instance's refresh and one code exchange get no answer until it is dead; then none is needed. */
    private MockResponse holdWhileTheFirstInstanceLives(ScriptedProvider.TokenRequest request) throws InterruptedException {
        boolean held = request.isRefresh() || HELD_CODE.equals(request.code());
        if (!holding.get() || !held) {
            return null;
        }
        (request.isRefresh() ? refreshArrived : exchangeArrived).countDown();
        release.await(60, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(503).build();
    }

    /** {@code serve} on {@code port} against {@code database}, with {@code provider} alone and {@link #API_KEY}. */
    static Map<String, String> environment(int port, ScriptedProvider provider, TestDatabase database) {
        Map<String, String> env = new HashMap<>(provider.environment());
        env.put("PORT", Integer.toString(port));
        env.put("PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.put("API_KEYS", "faults:" + API_KEY);
        env.put("ENCRYPTION_KEYS", RunningService.ENCRYPTION_KEY);
        env.put("RETURN_TO_ALLOWED_ORIGINS", RunningService.APP_ORIGIN);
        env.put("PROVIDERS", provider.id());
        env.put("ACME_REQUEST_TIMEOUT", "30s");
        env.put("AUTHORIZATION_TTL", AUTHORIZATION_TTL.toSeconds() + "s");
        env.put("REFRESH_INTERVAL", "1h");
        env.put("BROWSER_RATE_LIMIT", "0");
        return env;
    }
}
