package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RefreshBackoffTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00.250Z");
    private static final ProviderFailure TIMEOUT = ProviderFailure.of(Kind.UNAVAILABLE, "timeout");

    private final RefreshSettings settings = RefreshSettings.defaults();
    private final RefreshBackoff backoff = new RefreshBackoff(settings, new TestRandom());

    private Duration delayAfter(int failures, ProviderFailure failure) {
        return Duration.between(NOW, backoff.retryAt(failures, failure, NOW));
    }

    @RepeatedTest(20)
    void doublesFromTheBaseWithJitterInTheUpperHalfOfEachStep() {
        assertThat(delayAfter(1, TIMEOUT)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(31));
        assertThat(delayAfter(2, TIMEOUT)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));
        assertThat(delayAfter(3, TIMEOUT)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(121));
    }

    @RepeatedTest(20)
    void neverWaitsLongerThanTheCapHoweverOftenItFailed() {
        Duration capOnWholeSeconds = settings.backoffCap().plusSeconds(1);
        assertThat(delayAfter(8, TIMEOUT)).isBetween(Duration.ofMinutes(30), capOnWholeSeconds);
        assertThat(delayAfter(1_000, TIMEOUT)).isBetween(Duration.ofMinutes(30), capOnWholeSeconds);
        assertThat(delayAfter(Integer.MAX_VALUE, TIMEOUT)).isBetween(Duration.ofMinutes(30), capOnWholeSeconds);
    }

    @Test
    void waitsAtLeastAsLongAsTheProviderAskedUpToTheCap() {
        ProviderFailure slowDown = new ProviderFailure(Kind.RATE_LIMITED, "HTTP 429", Duration.ofMinutes(7));
        ProviderFailure comeBackTomorrow = new ProviderFailure(Kind.RATE_LIMITED, "HTTP 429", Duration.ofDays(1));

        assertThat(delayAfter(1, slowDown)).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(7).plusSeconds(1));
        assertThat(delayAfter(1, comeBackTomorrow)).isBetween(settings.backoffCap(), settings.backoffCap().plusSeconds(1));
    }

    @Test
    void retriesOnWholeSeconds() {
        assertThat(backoff.retryAt(1, TIMEOUT, NOW).getNano()).isZero();
    }

    @RepeatedTest(20)
    void startsClaimedRefreshesWithinTheJitter() {
        assertThat(backoff.startJitter()).isBetween(Duration.ZERO, settings.jitter());
        RefreshSettings noJitter = new RefreshSettings(settings.window(), settings.interval(), settings.batchSize(),
                settings.concurrency(), settings.lease(), Duration.ZERO, settings.backoffBase(), settings.backoffCap());
        assertThat(new RefreshBackoff(noJitter, new TestRandom()).startJitter()).isZero();
    }
}
