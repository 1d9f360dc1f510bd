package io.cioconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One whole connect flow as a host application and a browser walk it: create the session (API), open
 * {@code connect_url} (service: 302 to the provider, binding cookie), follow it to the provider (302
 * back with a code), and deliver the callback with the cookie (service: code exchange, 303 to
 * {@code return_to}). Each flow is a new owner, so each stores a new connection.
 */
final class ConnectFlowScenario implements Scenario {

    /** Nanoseconds per step of one flow, and the token endpoint's own time for its exchange. */
    record FlowTimes(long create, long start, long authorize, long callback, long providerExchange) {

        long total() {
            return create + start + authorize + callback;
        }

        /** The service's own share: its three requests, less the time the provider spent answering the exchange. */
        long serviceOwn() {
            return create + start + callback - providerExchange;
        }
    }

    private static final String PROVIDER = "benchidp";

    private final int servicePort;
    private final int providerPort;
    private final String authorization;
    private final String returnTo;
    private final ProviderLedger ledger;
    private volatile Queue<FlowTimes> recorded;

    ConnectFlowScenario(int servicePort, int providerPort, String apiKey, ProviderLedger ledger) {
        this.servicePort = servicePort;
        this.providerPort = providerPort;
        this.authorization = "Authorization: Bearer " + apiKey;
        this.returnTo = "http://localhost:" + servicePort + "/bench/done";
        this.ledger = ledger;
    }

    /** Starts keeping the step times of every successful flow; returns where they go. */
    Queue<FlowTimes> record() {
        Queue<FlowTimes> queue = new ConcurrentLinkedQueue<>();
        recorded = queue;
        return queue;
    }

    void stopRecording() {
        recorded = null;
    }

    @Override
    public boolean run(ClientConnections connections, int iteration) throws IOException {
        HttpConnection service = connections.to(servicePort);
        byte[] body = ("{\"owner\":\"flow-" + UUID.randomUUID() + "\",\"provider\":\"" + PROVIDER + "\",\"return_to\":\""
                + returnTo + "\"}").getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        HttpResponse created = service.send("POST", "/api/v1/connect-sessions", body, authorization,
                "Content-Type: application/json");
        long t1 = System.nanoTime();
        String connectUrl = jsonString(created.bodyText(), "connect_url");
        if (created.status() != 201 || connectUrl == null) {
            return false;
        }
        HttpResponse started = connections.to(servicePort).send("GET", pathAndQuery(connectUrl), null);
        long t2 = System.nanoTime();
        String cookie = started.header("set-cookie");
        if (started.status() != 302 || cookie == null || started.header("location") == null) {
            return false;
        }
        HttpResponse authorized = connections.to(providerPort).send("GET", pathAndQuery(started.header("location")), null);
        long t3 = System.nanoTime();
        String callback = authorized.header("location");
        if (authorized.status() != 302 || callback == null) {
            return false;
        }
        HttpResponse completed = connections.to(servicePort).send("GET", pathAndQuery(callback), null,
                "Cookie: " + cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')));
        long t4 = System.nanoTime();
        String location = completed.header("location");
        if (completed.status() != 303 || location == null || !location.contains("status=connected")) {
            return false;
        }
        long exchange = ledger.takeExchangeNanos(queryValue(callback, "code"));
        Queue<FlowTimes> sink = recorded;
        if (sink != null) {
            sink.add(new FlowTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, exchange));
        }
        return true;
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static String jsonString(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        int end = json.indexOf('"', start + key.length());
        return end < 0 ? null : json.substring(start + key.length(), end);
    }

    static String queryValue(String url, String name) {
        String query = URI.create(url).getRawQuery();
        return query == null ? "" : BenchProvider.form(query).getOrDefault(name, "");
    }
}
