package io.cioconnect.bootstrap.faults;

import io.cioconnect.bootstrap.e2e.HostApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on the host API, on loopback: a few threads calling {@code access-token} and
 * {@code GET /connections/{id}} for known connections until stopped, {@code maxCalls} or {@code maxDuration}.
 * Every answer is checked as it comes: a 200 with exactly what is stored, or a 503 the caller can act on
 * ({@code Retry-After}, code {@code service_unavailable}), within {@code failFast}. Anything else is a violation.
 */
final class ApiLoad implements AutoCloseable {

    private final HostApi api;
    private final Map<String, String> tokensById;
    private final List<String> ids;
    private final Duration failFast;
    private final int maxCalls;
    private final long deadline;
    private final ExecutorService threads;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    private volatile boolean stopped;

    private ApiLoad(HostApi api, Map<String, String> tokensById, int threadCount, int maxCalls, Duration maxDuration,
            Duration failFast) {
        this.api = api;
        this.tokensById = Map.copyOf(tokensById);
        this.ids = new ArrayList<>(tokensById.keySet());
        this.failFast = failFast;
        this.maxCalls = maxCalls;
        this.deadline = System.nanoTime() + maxDuration.toNanos();
        this.threads = Executors.newFixedThreadPool(threadCount);
        for (int i = 0; i < threadCount; i++) {
            threads.execute(this::callUntilStopped);
        }
    }

    static ApiLoad start(HostApi api, Map<String, String> tokensById, int threads, int maxCalls, Duration maxDuration,
            Duration failFast) {
        return new ApiLoad(api, tokensById, threads, maxCalls, maxDuration, failFast);
    }

    int served() {
        return served.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    /** The longest any call took, answered or not. */
    Duration slowest() {
        return Duration.ofMillis(slowestMillis.get());
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void callUntilStopped() {
        while (!stopped && System.nanoTime() < deadline && calls.incrementAndGet() <= maxCalls) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            boolean token = ThreadLocalRandom.current().nextBoolean();
            long started = System.nanoTime();
            try {
                HostApi.Answer answer = token
                        ? api.call("POST", "/api/v1/connections/" + id + "/access-token", null)
                        : api.call("GET", "/api/v1/connections/" + id, null);
                check(answer, token ? tokensById.get(id) : null, id, Duration.ofNanos(System.nanoTime() - started));
            } catch (Exception e) {
                violations.add("no usable answer: " + e);
            }
        }
    }

    private void check(HostApi.Answer answer, String expectedToken, String id, Duration took) {
        slowestMillis.accumulateAndGet(took.toMillis(), Math::max);
        if (took.compareTo(failFast) > 0) {
            violations.add(answer.status() + " took " + took.toMillis() + " ms");
        }
        if (answer.status() == 200) {
            String field = expectedToken != null ? "access_token" : "id";
            String expected = expectedToken != null ? expectedToken : id;
            if (!expected.equals(answer.json().path(field).asText())) {
                violations.add("200 with a different " + field);
            }
            served.incrementAndGet();
        } else if (answer.status() == 503 && isActionableOutage(answer)) {
            unavailable.incrementAndGet();
        } else {
            violations.add("unexpected " + answer.status() + ": " + answer.raw().body());
        }
    }

    private static boolean isActionableOutage(HostApi.Answer answer) {
        return answer.raw().headers().firstValue("Retry-After").map(value -> value.matches("[1-9]\\d*")).orElse(false)
                && answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && "service_unavailable".equals(answer.json().path("code").asText());
    }

    @Override
    public void close() {
        stopped = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
                violations.add("load threads did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
