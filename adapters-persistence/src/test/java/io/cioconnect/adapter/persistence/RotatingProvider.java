package io.cioconnect.adapter.persistence;

import io.cioconnect.application.DelegatingProvider;
import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that rotates refresh tokens strictly, as Customer.io may: a refresh token works once, and
 * using it again answers {@code invalid_grant}. Wraps a {@link FakeOAuthProvider}, which issues and counts.
 * A gate can hold refreshes in flight, so tests order what other instances do meanwhile without timing.
 */
final class RotatingProvider extends DelegatingProvider {

    private final Set<String> spent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger invalidGrants = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    /** Refreshes numbered up to this (in order of arrival) wait at the gate; later ones pass. */
    private volatile int gatedUpTo = Integer.MAX_VALUE;

    RotatingProvider(FakeOAuthProvider issuer) {
        super(issuer);
    }

    int invalidGrants() {
        return invalidGrants.get();
    }

    /** From now on refreshes wait at the gate (their callers holding the lease) until {@link #openGate()}. */
    void closeGate() {
        gatedUpTo = Integer.MAX_VALUE;
        gate = new CountDownLatch(1);
    }

    /** Only the next refresh waits at the gate, unanswered, as for a caller that died while asking. */
    void closeGateForTheNextRefreshOnly() {
        gatedUpTo = arrived.get() + 1;
        gate = new CountDownLatch(1);
    }

    void openGate() {
        gate.countDown();
    }

    /** How many refresh requests have reached this provider, answered or still at the gate. */
    int arrived() {
        return arrived.get();
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        if (arrived.incrementAndGet() <= gatedUpTo) {
            awaitGate();
        }
        if (!spent.add(refreshToken.value())) {
            invalidGrants.incrementAndGet();
            return new TokenResult.Failed(ProviderFailure.of(ProviderFailure.Kind.INVALID_GRANT,
                    "invalid_grant: the refresh token was already used"));
        }
        return super.refresh(refreshToken, scopes);
    }

    private void awaitGate() {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
