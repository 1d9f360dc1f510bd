package io.cioconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void ranksPercentilesByNearestRankAcrossRecorders() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int ms = 1; ms <= 1000; ms++) {
            (ms % 2 == 0 ? first : second).record(ms * 1_000_000L);
        }

        Latencies.Summary summary = Latencies.summarise(List.of(first, second));

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.percentileMillis(50)).isEqualTo(500.0);
        assertThat(summary.percentileMillis(99)).isEqualTo(990.0);
        assertThat(summary.percentileMillis(99.9)).isEqualTo(999.0);
        assertThat(summary.maxMillis()).isEqualTo(1000.0);
    }

    @Test
    void reportsNoPercentileWithoutSamples() {
        assertThat(Latencies.summarise(List.of(new Latencies())).percentileMillis(50)).isNaN();
    }
}
