package io.cioconnect.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link Scenario} with a fixed number of clients, each a thread on its own keep-alive connections.
 * Closed loop: every client starts its next request when the last one returns, which measures capacity.
 * Open loop: requests are due at a constant total rate whether or not earlier ones have returned, and each
 * latency counts from the moment its request was due, so a stall is charged to every request it delayed
 * (no coordinated omission, as in wrk2).
 */
final class LoadGenerator {

    private final String host;

    LoadGenerator(String host) {
        this.host = host;
    }

    LoadResult closedLoop(String name, Scenario scenario, int clients, Duration duration) throws InterruptedException {
        return run(name, "closed", scenario, clients, 0, duration, () -> false);
    }

    LoadResult openLoop(String name, Scenario scenario, int clients, double ratePerSecond, Duration duration)
            throws InterruptedException {
        return run(name, "open", scenario, clients, ratePerSecond, duration, () -> false);
    }

    /** An open-loop run that ends early, as soon as {@code stop} says so (checked before every request). */
    LoadResult openLoopUntil(String name, Scenario scenario, int clients, double ratePerSecond, Duration atMost,
            BooleanSupplier stop) throws InterruptedException {
        return run(name, "open", scenario, clients, ratePerSecond, atMost, stop);
    }

    private LoadResult run(String name, String mode, Scenario scenario, int clients, double rate, Duration duration,
            BooleanSupplier stop) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        long[] window = new long[2];
        List<Latencies> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies latencies = new Latencies();
            recorders.add(latencies);
            int client = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (rate > 0) {
                    openClient(scenario, client, clients, rate, window, latencies, errors, stop);
                } else {
                    closedClient(scenario, client, window, latencies, errors);
                }
            }, "load-" + name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime() + Duration.ofMillis(20).toNanos();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        return LoadResult.of(name, mode, clients, rate, seconds, errors.get(), Latencies.summarise(recorders));
    }

    private void closedClient(Scenario scenario, int client, long[] window, Latencies latencies, AtomicLong errors) {
        try (ClientConnections connections = new ClientConnections(host)) {
            waitUntil(window[0]);
            for (int i = 0; System.nanoTime() < window[1]; i++) {
                long sent = System.nanoTime();
                once(scenario, connections, client, i, sent, latencies, errors);
            }
        }
    }

    private void openClient(Scenario scenario, int client, int clients, double rate, long[] window,
            Latencies latencies, AtomicLong errors, BooleanSupplier stop) {
        long gap = (long) (1e9 / rate);
        long perClient = gap * clients;
        try (ClientConnections connections = new ClientConnections(host)) {
            for (int i = 0;; i++) {
                long due = window[0] + client * gap + i * perClient;
                if (due >= window[1]) {
                    return;
                }
                waitUntil(due);
                if (stop.getAsBoolean()) {
                    return;
                }
                once(scenario, connections, client, i, due, latencies, errors);
            }
        }
    }

    private static void once(Scenario scenario, ClientConnections connections, int client, int iteration, long from,
            Latencies latencies, AtomicLong errors) {
        try {
            if (scenario.run(connections, client * 1_000_003 + iteration)) {
                latencies.record(System.nanoTime() - from);
            } else {
                errors.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            connections.reset();
        }
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
