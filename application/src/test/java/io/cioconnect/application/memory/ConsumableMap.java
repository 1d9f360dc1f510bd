package io.cioconnect.application.memory;

import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Values kept under a secret's hash until they are taken once or expire; the core of the flow stores. */
final class ConsumableMap<T> {

    private final ConcurrentHashMap<SecretHash, T> values = new ConcurrentHashMap<>();
    private final Function<T, Instant> expiresAt;

    ConsumableMap(Function<T, Instant> expiresAt) {
        this.expiresAt = expiresAt;
    }

    void put(SecretHash key, T value) {
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("a value is already stored under this hash");
        }
    }

    /** {@code remove} is atomic, so of concurrent callers only one receives the value. */
    Optional<T> consume(SecretHash key, Instant now) {
        return Optional.ofNullable(values.remove(key)).filter(value -> now.isBefore(expiresAt.apply(value)));
    }

    int purgeExpired(Instant now) {
        int before = values.size();
        values.values().removeIf(value -> !now.isBefore(expiresAt.apply(value)));
        return Math.max(0, before - values.size());
    }
}
