package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "5m, PT5M", "1h, PT1H", "1d, PT24H", "250ms, PT0.25S", "PT90S, PT1M30S", "pt2s, PT2S",
        "' 10m ', PT10M", "0s, PT0S", "P1D, PT24H"})
    void readsEveryFormOfTheGrammar(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes", "5", "-5m", "-PT5M", "1w", "m5", "", "1.5h"})
    void refusesEverythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT2M, 2m", "PT1M30S, 90s", "PT0.25S, 250ms", "PT2H, 2h", "PT0S, 0s"})
    void printsTheShortestFormThatReadsBack(Duration duration, String text) {
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).contains(duration);
    }
}
