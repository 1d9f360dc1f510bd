package io.cioconnect.bootstrap.metrics;

import io.cioconnect.application.port.out.RefreshMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link RefreshMetrics} on Micrometer: the counter {@value #NAME}, tagged {@code trigger} ({@code on_demand},
 * {@code background}) and {@code outcome}. Every combination is registered up front, so a dashboard shows
 * zeros rather than missing series, and recording never allocates. Tags carry no connection or owner.
 */
public final class MicrometerRefreshMetrics implements RefreshMetrics {

    public static final String NAME = "cioconnect.refreshes";

    private final Map<Trigger, Map<Outcome, Counter>> counters = new EnumMap<>(Trigger.class);

    public MicrometerRefreshMetrics(MeterRegistry registry) {
        for (Trigger trigger : Trigger.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(NAME)
                        .description("Token refresh attempts, by what started them and how they ended")
                        .tag("trigger", trigger.wireName())
                        .tag("outcome", outcome.wireName())
                        .register(registry));
            }
            counters.put(trigger, byOutcome);
        }
    }

    @Override
    public void recorded(Trigger trigger, Outcome outcome) {
        counters.get(trigger).get(outcome).increment();
    }
}
