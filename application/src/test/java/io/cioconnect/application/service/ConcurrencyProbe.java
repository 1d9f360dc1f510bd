package io.cioconnect.application.service;

import io.cioconnect.application.DelegatingProvider;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a provider and records how many refreshes ran at the same time. The first {@code expected}
 * refreshes wait for each other (up to a few seconds), so reaching that parallelism does not depend on timing.
 */
final class ConcurrencyProbe extends DelegatingProvider {

    private final CountDownLatch firstWave;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    ConcurrencyProbe(OAuthProvider delegate, int expected) {
        super(delegate);
        this.firstWave = new CountDownLatch(expected);
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            firstWave.countDown();
            firstWave.await(5, TimeUnit.SECONDS);
            return super.refresh(refreshToken, scopes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }
}
