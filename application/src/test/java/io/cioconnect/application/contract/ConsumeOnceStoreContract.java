package io.cioconnect.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store of single-use, expiring values (connect sessions, pending authorizations) must do,
 * whatever it is built on. Subclasses say how to make, save and consume a value.
 */
public abstract class ConsumeOnceStoreContract<T> {

    protected static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    /** A value stored under {@code key}, created at {@link #NOW}, expiring at {@code expiresAt}. */
    protected abstract T newValue(SecretHash key, Instant expiresAt);

    protected abstract void save(T value);

    protected abstract Optional<T> consume(SecretHash key, Instant now);

    protected abstract int purgeExpired(Instant now);

    protected static SecretHash randomKey() {
        return SecretHash.of(UUID.randomUUID().toString());
    }

    @Test
    void consumesAStoredValueExactlyOnce() {
        SecretHash key = randomKey();
        T value = newValue(key, NOW.plus(Duration.ofMinutes(10)));
        save(value);

        assertThat(consume(key, NOW)).contains(value);
        assertThat(consume(key, NOW)).isEmpty();
    }

    @Test
    void consumesNothingForAnUnknownKey() {
        save(newValue(randomKey(), NOW.plus(Duration.ofMinutes(10))));

        assertThat(consume(randomKey(), NOW)).isEmpty();
    }

    @Test
    void refusesAnExpiredValueAndForgetsIt() {
        SecretHash key = randomKey();
        save(newValue(key, NOW.plus(Duration.ofMinutes(10))));

        assertThat(consume(key, NOW.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(consume(key, NOW)).isEmpty();
    }

    @Test
    void letsExactlyOneOfManyConcurrentConsumersWin() throws Exception {
        SecretHash key = randomKey();
        save(newValue(key, NOW.plus(Duration.ofMinutes(10))));
        int consumers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            List<Future<Optional<T>>> results = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                Callable<Optional<T>> attempt = () -> {
                    start.await();
                    return consume(key, NOW);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<T>> result : results) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgesOnlyExpiredValues() {
        SecretHash expiring = randomKey();
        SecretHash lasting = randomKey();
        save(newValue(expiring, NOW.plus(Duration.ofMinutes(1))));
        save(newValue(lasting, NOW.plus(Duration.ofMinutes(30))));

        assertThat(purgeExpired(NOW.plus(Duration.ofMinutes(5)))).isEqualTo(1);

        assertThat(consume(expiring, NOW)).isEmpty();
        assertThat(consume(lasting, NOW)).isPresent();
    }
}
