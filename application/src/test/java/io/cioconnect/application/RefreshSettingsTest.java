package io.cioconnect.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshSettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void defaultsFollowTheSpecAndStayWellBelowThePoolSize() {
        RefreshSettings defaults = RefreshSettings.defaults();

        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.concurrency()).isLessThan(10);
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoffCap()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void takesTheWindowAndIntervalFromTheEnvironment() {
        RefreshSettings read = RefreshSettings.defaults().withWindowAndInterval(Duration.ofMinutes(10), MINUTE);

        assertThat(read.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.interval()).isEqualTo(MINUTE);
        assertThat(read.batchSize()).isEqualTo(RefreshSettings.defaults().batchSize());
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RefreshSettings(Duration.ZERO, MINUTE, 10, 2, MINUTE, MINUTE, MINUTE, MINUTE))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 0, 2, MINUTE, MINUTE, MINUTE, MINUTE))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 10, 0, MINUTE, MINUTE, MINUTE, MINUTE))
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 10, 2, MINUTE, MINUTE.negated(), MINUTE, MINUTE))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 10, 2, MINUTE, MINUTE, MINUTE, Duration.ofSeconds(1)))
                .hasMessageContaining("backoffCap");
    }
}
