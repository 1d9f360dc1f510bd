package io.cioconnect.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerRefreshMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerRefreshMetrics metrics = new MicrometerRefreshMetrics(registry);

    private double count(String trigger, String outcome) {
        return registry.get(MicrometerRefreshMetrics.NAME).tag("trigger", trigger).tag("outcome", outcome).counter()
                .count();
    }

    @Test
    void countsRefreshesByTriggerAndOutcome() {
        metrics.recorded(Trigger.BACKGROUND, Outcome.REFRESHED);
        metrics.recorded(Trigger.BACKGROUND, Outcome.REFRESHED);
        metrics.recorded(Trigger.ON_DEMAND, Outcome.REAUTHORIZATION_REQUIRED);

        assertThat(count("background", "refreshed")).isEqualTo(2);
        assertThat(count("on_demand", "reauthorization_required")).isEqualTo(1);
        assertThat(count("on_demand", "refreshed")).isZero();
    }

    @Test
    void registersEveryCombinationUpFrontSoDashboardsShowZeros() {
        assertThat(registry.get(MicrometerRefreshMetrics.NAME).counters())
                .hasSize(Trigger.values().length * Outcome.values().length);
        assertThat(count("background", "error")).isZero();
    }

    @Test
    void sharesTheCountersWithAnotherInstanceOnTheSameRegistry() {
        MicrometerRefreshMetrics again = new MicrometerRefreshMetrics(registry);

        again.recorded(Trigger.ON_DEMAND, Outcome.FAILED);
        metrics.recorded(Trigger.ON_DEMAND, Outcome.FAILED);

        assertThat(count("on_demand", "failed")).isEqualTo(2);
    }
}
