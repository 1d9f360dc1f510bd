package io.cioconnect.bootstrap.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OAuth 2.0 provider on loopback (MockWebServer) that behaves well until a test scripts it otherwise.
 * By default it accepts each code once and rotates refresh tokens strictly: a refresh token is spent when
 * used, and one it never issued, or already spent, gets {@code invalid_grant}. A {@link Script} replaces
 * the answer to chosen token requests with a timeout, a 5xx, a 429, garbage, or an answer held back.
 */
public final class ScriptedProvider implements AutoCloseable {

    public static final String CLIENT_SECRET = "scripted-client-secret-0123456789";

    /** A token request as the provider saw it. */
    public record TokenRequest(String grantType, String code, String refreshToken) {
        public boolean isRefresh() {
            return "refresh_token".equals(grantType);
        }
    }

    /** Answers a token request, or returns null to let the provider answer normally. */
    @FunctionalInterface
    public interface Script {
        MockResponse answer(TokenRequest request) throws InterruptedException;
    }

    private final String id;
    private final MockWebServer server = new MockWebServer();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> exchangesByCode = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    /** Each code exchange starts a grant; its refreshes continue it. Every token issued, by grant. */
    private final Map<String, Integer> grantOfToken = new ConcurrentHashMap<>();
    private final AtomicInteger grants = new AtomicInteger();
    private volatile Script script = request -> null;
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile Duration refreshLatency = Duration.ZERO;
    private volatile String lastAccessToken;

    private ScriptedProvider(String id) {
        this.id = id;
    }

    /** Starts a provider whose id (as in {@code PROVIDERS}) is {@code id}. */
    public static ScriptedProvider start(String id) throws IOException {
        ScriptedProvider provider = new ScriptedProvider(id);
        provider.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return provider.answer(request);
            }
        });
        provider.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return provider;
    }

    public String id() {
        return id;
    }

    /** The {@code <ID>_*} variables that configure the service for this provider. */
    public Map<String, String> environment() {
        String prefix = id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
        String origin = "http://127.0.0.1:" + server.getPort();
        Map<String, String> env = new HashMap<>();
        env.put(prefix + "CLIENT_ID", "cio-connect-" + id);
        env.put(prefix + "CLIENT_SECRET", CLIENT_SECRET);
        env.put(prefix + "AUTHORIZE_URL", origin + "/authorize");
        env.put(prefix + "TOKEN_URL", origin + "/token");
        return env;
    }

    /** From now on, token requests go through {@code script} first. */
    public void script(Script script) {
        this.script = script;
    }

    /** The {@code expires_in} of the access tokens issued from now on. */
    public void issueAccessTokensLasting(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** From now on the answers to refreshes the script leaves alone come this late, as across the internet. */
    public void answerRefreshesAfter(Duration latency) {
        this.refreshLatency = latency;
    }

    /** The access token of the latest successful answer. */
    public String lastAccessToken() {
        return lastAccessToken;
    }

    /** Every access and refresh token this provider ever issued. */
    public Set<String> issuedTokens() {
        return Set.copyOf(grantOfToken.keySet());
    }

    /** The grant {@code token} belongs to (a code exchange and its refreshes), or null if never issued here. */
    public Integer grantOf(String token) {
        return grantOfToken.get(token);
    }

    /** How many refresh requests arrived, answered or not. */
    public int refreshRequests() {
        return refreshes.get();
    }

    /** How many refreshes were answered with new tokens: each one spent a refresh token and rotated it. */
    public int rotations() {
        return rotations.get();
    }

    /** How many times {@code code} was sent to be exchanged. */
    public int exchangesOf(String code) {
        AtomicInteger count = exchangesByCode.get(code);
        return count == null ? 0 : count.get();
    }

    private MockResponse answer(RecordedRequest recorded) throws InterruptedException {
        if (!"/token".equals(recorded.getTarget()) || recorded.getBody() == null) {
            return new MockResponse.Builder().code(404).build();
        }
        Map<String, String> form = form(recorded.getBody().utf8());
        TokenRequest request = new TokenRequest(form.get("grant_type"), form.get("code"), form.get("refresh_token"));
        if (request.isRefresh()) {
            refreshes.incrementAndGet();
        } else if (request.code() != null) {
            exchangesByCode.computeIfAbsent(request.code(), code -> new AtomicInteger()).incrementAndGet();
        }
        MockResponse scripted = script.answer(request);
        if (scripted != null) {
            return scripted;
        }
        MockResponse answer = normally(request);
        return request.isRefresh() && !refreshLatency.isZero()
                ? answer.newBuilder().headersDelay(refreshLatency.toMillis(), TimeUnit.MILLISECONDS).build()
                : answer;
    }

    private MockResponse normally(TokenRequest request) {
        if ("authorization_code".equals(request.grantType()) && request.code() != null && usedCodes.add(request.code())) {
            return tokens(grants.incrementAndGet());
        }
        if (request.isRefresh() && request.refreshToken() != null && liveRefreshTokens.remove(request.refreshToken())) {
            rotations.incrementAndGet();
            return tokens(grantOfToken.get(request.refreshToken()));
        }
        return error(400, "invalid_grant");
    }

    private MockResponse tokens(int grant) {
        String serial = id + "-" + issued.incrementAndGet() + "-" + UUID.randomUUID();
        String refreshToken = "rt-" + serial;
        liveRefreshTokens.add(refreshToken);
        grantOfToken.put(refreshToken, grant);
        grantOfToken.put("at-" + serial, grant);
        lastAccessToken = "at-" + serial;
        return json(200, "{\"access_token\":\"" + lastAccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + accessTokenLifetime.toSeconds() + ",\"refresh_token\":\"" + refreshToken + "\"}");
    }

    /** An RFC 6749 §5.2 error answer. */
    public static MockResponse error(int status, String error) {
        return json(status, "{\"error\":\"" + error + "\"}");
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .setHeader("Cache-Control", "no-store").body(body).build();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.close();
    }
}
