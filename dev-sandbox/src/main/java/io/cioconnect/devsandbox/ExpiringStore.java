package io.cioconnect.devsandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A bounded map whose entries expire. When it is full the oldest entry goes, so a flood of requests can
 * cost memory only up to the cap. Not thread-safe by itself: {@link SandboxState} guards every use.
 */
final class ExpiringStore<V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();
    private final int capacity;
    private final Clock clock;

    ExpiringStore(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    void put(String key, V value, Instant expiresAt) {
        if (entries.size() >= capacity) {
            dropExpired();
        }
        if (entries.size() >= capacity) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry<>(value, expiresAt));
    }

    /** The live value under {@code key}, left in place. */
    Optional<V> get(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Removes the entry under {@code key} and answers its value if it was still live. */
    Optional<V> take(String key) {
        Optional<V> live = get(key);
        entries.remove(key);
        return live;
    }

    /** Replaces the value under {@code key}, keeping its expiry; nothing happens if it is gone. */
    void replace(String key, V value) {
        entries.computeIfPresent(key, (k, entry) -> new Entry<>(value, entry.expiresAt()));
    }

    void removeIf(Predicate<V> condition) {
        entries.values().removeIf(entry -> condition.test(entry.value()));
    }

    int size() {
        return entries.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }

    @Override
    public String toString() {
        return "ExpiringStore[" + entries.size() + " entries]"; // the keys are secrets
    }
}
