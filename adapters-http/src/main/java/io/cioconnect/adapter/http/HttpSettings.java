package io.cioconnect.adapter.http;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the HTTP adapter needs to know about its deployment: the public URL (which decides whether
 * cookies are {@code Secure} with the {@code __Host-} prefix), the host API keys, the rate limits and
 * the reverse proxies whose {@code X-Forwarded-For} is believed.
 *
 * @param apiKeys          API key name → secret, as in {@code API_KEYS}
 * @param apiRateLimit     requests per second per API key on {@code /api/**}; 0 turns the limit off
 * @param browserRateLimit requests per second per client IP on {@code /oauth/**}; 0 turns the limit off
 * @param authFailureLimit failed authentications per minute per client IP on {@code /api/**} before that IP
 *                         is answered 429 without a key lookup; 0 turns the limit off
 * @param trustedProxies   peers whose {@code X-Forwarded-For} header names the client
 */
public record HttpSettings(
        URI publicBaseUrl,
        Map<String, String> apiKeys,
        int apiRateLimit,
        int browserRateLimit,
        int authFailureLimit,
        Set<InetAddress> trustedProxies) {

    /** Request bodies above this size are refused with 413; nothing the API takes comes close. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL");
        }
        apiKeys = Map.copyOf(apiKeys);
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is required");
        }
        apiKeys.forEach((name, secret) -> {
            if (name.isBlank() || secret.isBlank()) {
                throw new IllegalArgumentException("API key names and secrets must not be blank");
            }
        });
        if (apiRateLimit < 0 || browserRateLimit < 0 || authFailureLimit < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * The documented defaults (docs/configuration.md): 1000 requests/s per API key, 20 requests/s per browser
     * IP, 60 failed authentications a minute per IP, no trusted proxy.
     */
    public static HttpSettings defaults(URI publicBaseUrl, Map<String, String> apiKeys) {
        return new HttpSettings(publicBaseUrl, apiKeys, 1000, 20, 60, Set.of());
    }

    /** Names the API keys but never prints their secrets. */
    @Override
    public String toString() {
        return "HttpSettings[publicBaseUrl=" + publicBaseUrl + ", apiKeys=" + apiKeys.keySet() + " (secrets redacted)"
                + ", apiRateLimit=" + apiRateLimit + ", browserRateLimit=" + browserRateLimit
                + ", authFailureLimit=" + authFailureLimit + ", trustedProxies=" + trustedProxies + "]";
    }

    /** Browsers reach us over TLS, so cookies can be {@code Secure} and {@code __Host-}-prefixed. */
    public boolean isHttps() {
        return publicBaseUrl.getScheme().toLowerCase(Locale.ROOT).equals("https");
    }
}
