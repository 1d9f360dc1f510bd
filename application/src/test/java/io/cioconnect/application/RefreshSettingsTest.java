package io.cioconnect.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.domain.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshSettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Backoff BACKOFF = RefreshSettings.defaults().backoff();

    @Test
    void defaultsFollowTheDocumentedValues() {
        RefreshSettings defaults = RefreshSettings.defaults();

        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.concurrency()).isEqualTo(16);
        assertThat(defaults.waitLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.backoff())
                .isEqualTo(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1)));
        assertThat(defaults.polling().cap()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aLeaseOutlastsTheProvidersTimeLimitByTheMargin() {
        assertThat(RefreshSettings.defaults().leaseFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void takesTheWindowAndIntervalFromTheEnvironment() {
        RefreshSettings read = RefreshSettings.defaults().withWindowAndInterval(Duration.ofMinutes(10), MINUTE);

        assertThat(read.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.interval()).isEqualTo(MINUTE);
        assertThat(read.concurrency()).isEqualTo(RefreshSettings.defaults().concurrency());
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RefreshSettings(Duration.ZERO, MINUTE, 2, MINUTE, MINUTE, BACKOFF, BACKOFF))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 0, MINUTE, MINUTE, BACKOFF, BACKOFF))
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 2, Duration.ZERO, MINUTE, BACKOFF, BACKOFF))
                .hasMessageContaining("leaseMargin");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 2, MINUTE, MINUTE.negated(), BACKOFF, BACKOFF))
                .hasMessageContaining("waitLimit");
        assertThatThrownBy(() -> new RefreshSettings(MINUTE, MINUTE, 2, MINUTE, MINUTE, null, BACKOFF))
                .hasMessageContaining("backoff");
    }
}
