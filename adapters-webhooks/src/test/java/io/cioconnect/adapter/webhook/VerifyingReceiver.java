package io.cioconnect.adapter.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host's webhook receiver on a real HTTP server: every request is checked with the Standard Webhooks
 * reference library (not with code of this repository), once per secret it knows, and recorded. It can
 * answer 204, fail with 503, or hang (until {@link #release}), as a host that is up, down or stuck.
 */
public final class VerifyingReceiver implements AutoCloseable {

    /** How the receiver answers. */
    public enum Mode { UP, DOWN, HANG }

    /** One request as it arrived: its headers (keys in lower case), its body, and which secrets verified it. */
    public record Delivery(Map<String, String> headers, String body, List<String> verifiedBy) {

        public String id() {
            return headers.get("webhook-id");
        }

        public String signatures() {
            return headers.get("webhook-signature");
        }
    }

    private final HttpServer server;
    private final List<String> secrets;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile Mode mode = Mode.UP;
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    private VerifyingReceiver(List<String> secrets) throws IOException {
        this.secrets = List.copyOf(secrets);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    /** A receiver that knows {@code secrets} ({@code whsec_...}), each checked on its own. */
    public static VerifyingReceiver start(String... secrets) {
        try {
            return new VerifyingReceiver(List.of(secrets));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the webhook receiver", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    public void answer(Mode next) {
        if (next == Mode.HANG) {
            hanging = new CountDownLatch(1);
        }
        mode = next;
    }

    /** Lets hanging requests go (they then answer 503, as a receiver that failed). */
    public void release() {
        hanging.countDown();
    }

    /** Every request that arrived, verified or not, in order. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** How many requests arrived, hanging ones included. */
    public int arrivals() {
        return arrivals.get();
    }

    /** The requests answered 2xx: what the host took. */
    public synchronized List<Delivery> accepted() {
        return deliveries.stream().filter(d -> d.headers().containsKey("x-accepted")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Mode now = mode;
        if (now == Mode.HANG) {
            awaitRelease();
        }
        List<String> verifiedBy = verifiedBy(body, headers);
        boolean accepted = now == Mode.UP && !verifiedBy.isEmpty();
        if (accepted) {
            headers.put("x-accepted", "true");
        }
        synchronized (this) {
            deliveries.add(new Delivery(Map.copyOf(headers), body, verifiedBy));
        }
        exchange.sendResponseHeaders(accepted ? 204 : now == Mode.UP ? 401 : 503, -1);
        exchange.close();
    }

    private List<String> verifiedBy(String body, Map<String, String> headers) {
        Map<String, List<String>> asLists = new HashMap<>();
        headers.forEach((name, value) -> asLists.put(name, List.of(value)));
        List<String> verified = new ArrayList<>();
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, asLists);
                verified.add(secret);
            } catch (WebhookVerificationException e) {
                // not signed with this one
            } catch (Exception e) {
                throw new IllegalStateException("the receiver's secret is not a Standard Webhooks secret", e);
            }
        }
        return verified;
    }

    private void awaitRelease() {
        try {
            hanging.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
