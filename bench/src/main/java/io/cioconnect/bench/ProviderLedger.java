package io.cioconnect.bench;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark provider has issued and seen: codes waiting for their exchange, the refresh tokens
 * still valid (each one is retired by its use: rotation), how often each refresh token was presented —
 * so a duplicate refresh is counted where it matters, at the provider — and how long exchanges took here.
 */
final class ProviderLedger {

    /** A code handed to a browser, with what its exchange must match. */
    record IssuedCode(String redirectUri, String codeChallenge) {
    }

    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> presentations = new ConcurrentHashMap<>();
    private final Map<String, Long> exchangeNanos = new ConcurrentHashMap<>();
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong firstRefresh = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastRefresh = new AtomicLong(Long.MIN_VALUE);

    void issueCode(String code, IssuedCode issued) {
        codes.put(code, issued);
    }

    Optional<IssuedCode> redeemCode(String code) {
        return Optional.ofNullable(codes.remove(code));
    }

    void exchanged(String code, long nanos) {
        exchanges.incrementAndGet();
        exchangeNanos.put(code, nanos);
    }

    /** The time the token endpoint spent on this code's exchange, taken out of the ledger. */
    long takeExchangeNanos(String code) {
        Long nanos = exchangeNanos.remove(code);
        return nanos == null ? 0 : nanos;
    }

    void registerRefreshToken(String token) {
        liveRefreshTokens.add(token);
    }

    /** Counts the presentation and retires the token; false when it was not (or no longer) valid. */
    boolean useRefreshToken(String token) {
        presentations.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        if (!liveRefreshTokens.remove(token)) {
            refused.incrementAndGet();
            return false;
        }
        long now = System.nanoTime();
        refreshes.incrementAndGet();
        firstRefresh.accumulateAndGet(now, Math::min);
        lastRefresh.accumulateAndGet(now, Math::max);
        return true;
    }

    /** Forgets the refresh counts, so one sweep is measured alone. */
    void resetRefreshCounts() {
        presentations.clear();
        refreshes.set(0);
        refused.set(0);
        firstRefresh.set(Long.MAX_VALUE);
        lastRefresh.set(Long.MIN_VALUE);
    }

    long exchanges() {
        return exchanges.get();
    }

    long refreshes() {
        return refreshes.get();
    }

    long refusedRefreshes() {
        return refused.get();
    }

    /** Presentations beyond the first of any one refresh token: each is a refresh done twice. */
    long duplicateRefreshes() {
        return presentations.values().stream().mapToLong(count -> Math.max(0, count.get() - 1)).sum();
    }

    long firstRefreshNanos() {
        return firstRefresh.get();
    }

    long lastRefreshNanos() {
        return lastRefresh.get();
    }
}
