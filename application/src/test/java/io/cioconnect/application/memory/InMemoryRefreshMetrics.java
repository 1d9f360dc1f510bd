package io.cioconnect.application.memory;

import io.cioconnect.application.port.out.RefreshMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe in-memory {@link RefreshMetrics}: counts per trigger and outcome, to look at in tests. */
public final class InMemoryRefreshMetrics implements RefreshMetrics {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void recorded(Trigger trigger, Outcome outcome) {
        counts.computeIfAbsent(key(trigger, outcome), k -> new AtomicInteger()).incrementAndGet();
    }

    /** How many attempts started by {@code trigger} ended in {@code outcome}. */
    public int count(Trigger trigger, Outcome outcome) {
        AtomicInteger count = counts.get(key(trigger, outcome));
        return count == null ? 0 : count.get();
    }

    /** How many attempts ended in {@code outcome}, whatever started them. */
    public int count(Outcome outcome) {
        int total = 0;
        for (Trigger trigger : Trigger.values()) {
            total += count(trigger, outcome);
        }
        return total;
    }

    private static String key(Trigger trigger, Outcome outcome) {
        return trigger.wireName() + "/" + outcome.wireName();
    }
}
