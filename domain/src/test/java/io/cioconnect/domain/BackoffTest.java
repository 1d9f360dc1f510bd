package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff POLICY = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(10));
    private static final DoubleSupplier LOWEST = () -> 0.0;
    private static final DoubleSupplier HIGHEST = () -> 0.999_999;

    @Test
    void doublesFromTheBaseWithJitterInTheUpperHalfOfEachStep() {
        Random seeded = new Random(42);
        for (int i = 0; i < 200; i++) {
            assertThat(POLICY.after(1, seeded::nextDouble)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(POLICY.after(2, seeded::nextDouble)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(POLICY.after(3, seeded::nextDouble)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
        }
        assertThat(POLICY.after(1, LOWEST)).isEqualTo(Duration.ofSeconds(15));
        assertThat(POLICY.after(1, HIGHEST)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    }

    @Test
    void neverWaitsLongerThanTheCapHoweverOftenItFailed() {
        for (int failures : new int[] {8, 31, 1_000, Integer.MAX_VALUE}) {
            assertThat(POLICY.after(failures, HIGHEST)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
            assertThat(POLICY.after(failures, LOWEST)).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void treatsNoFailureYetAsTheFirst() {
        assertThat(POLICY.after(0, LOWEST)).isEqualTo(POLICY.after(1, LOWEST));
    }

    @Test
    void waitsAtLeastAsLongAsThePeerAskedUpToTheRetryAfterCap() {
        assertThat(POLICY.after(1, Optional.of(Duration.ofMinutes(7)), LOWEST)).isEqualTo(Duration.ofMinutes(7));
        assertThat(POLICY.after(1, Optional.of(Duration.ofDays(1)), LOWEST)).isEqualTo(Duration.ofMinutes(10));
        assertThat(POLICY.after(1, Optional.of(Duration.ofSeconds(1)), LOWEST)).isEqualTo(Duration.ofSeconds(15));
        assertThat(POLICY.after(1, Optional.empty(), LOWEST)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void saysWhichRetryAfterAWaitingCallerMayHonour() {
        assertThat(POLICY.honours(Duration.ofMinutes(10))).isTrue();
        assertThat(POLICY.honours(Duration.ofMinutes(10).plusMillis(1))).isFalse();
    }

    @Test
    void keepsAStrayRandomNumberInsideTheStep() {
        assertThat(POLICY.after(1, () -> -3)).isEqualTo(Duration.ofSeconds(15));
        assertThat(POLICY.after(1, () -> 7)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsAPolicyThatCannotWork() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("base");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("retryAfterCap");
    }
}
