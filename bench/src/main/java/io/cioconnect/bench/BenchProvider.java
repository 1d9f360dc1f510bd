package io.cioconnect.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small OAuth 2.0 provider on loopback for the benchmark: {@code GET /authorize} redirects straight back
 * with a code (no login page), {@code POST /token} serves the authorization-code grant (PKCE S256 checked)
 * and the refresh-token grant with rotation, after a configurable latency. Clients authenticate with
 * {@code client_secret_basic}, the default for a provider that is not Customer.io.
 */
final class BenchProvider implements AutoCloseable {

    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-secret-0123456789abcdef";
    static final int TOKEN_LIFETIME_SECONDS = 3600;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for
        // the client's delayed ACK (about 40 ms on loopback), which no real provider adds to every answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ProviderLedger ledger = new ProviderLedger();
    private final SecureRandom random = new SecureRandom();
    private final String expectedAuthorization;
    private volatile long latencyMillis;
    private volatile int tokenLifetimeSeconds = TOKEN_LIFETIME_SECONDS;

    BenchProvider() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        this.workers = Executors.newFixedThreadPool(96, work -> {
            Thread thread = new Thread(work, "bench-provider");
            thread.setDaemon(true);
            return thread;
        });
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        server.setExecutor(workers);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    ProviderLedger ledger() {
        return ledger;
    }

    /** How long the token endpoint waits before answering, as a provider across the internet would. */
    void latency(long millis) {
        this.latencyMillis = millis;
    }

    /** The {@code expires_in} of the access tokens issued from now on. */
    void tokenLifetime(int seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    String newToken(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"GET".equals(exchange.getRequestMethod()) || !"code".equals(query.get("response_type"))
                || !CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))
                || query.get("redirect_uri") == null || query.get("state") == null || query.get("code_challenge") == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = newToken("code-");
        ledger.issueCode(code, new ProviderLedger.IssuedCode(query.get("redirect_uri"), query.get("code_challenge")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + encode(query.get("state"));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        pause();
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if ("authorization_code".equals(form.get("grant_type"))) {
            String code = form.getOrDefault("code", "");
            boolean valid = ledger.redeemCode(code)
                    .filter(issued -> issued.redirectUri().equals(form.get("redirect_uri")))
                    .filter(issued -> issued.codeChallenge().equals(challengeOf(form.get("code_verifier"))))
                    .isPresent();
            String body = valid ? issueTokens() : "{\"error\":\"invalid_grant\"}";
            // Counted before the answer leaves: whoever has the answer (a test, the flow scenario) finds it counted.
            ledger.exchanged(code, System.nanoTime() - started);
            answer(exchange, valid ? 200 : 400, body);
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            boolean valid = ledger.useRefreshToken(form.getOrDefault("refresh_token", ""));
            answer(exchange, valid ? 200 : 400, valid ? issueTokens() : "{\"error\":\"invalid_grant\"}");
        } else {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private String issueTokens() {
        String refresh = newToken("rt-");
        ledger.registerRefreshToken(refresh);
        return "{\"access_token\":\"" + newToken("at-") + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLifetimeSeconds + ",\"refresh_token\":\"" + refresh + "\",\"scope\":\"read\"}";
    }

    private void pause() {
        long millis = latencyMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static String challengeOf(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
