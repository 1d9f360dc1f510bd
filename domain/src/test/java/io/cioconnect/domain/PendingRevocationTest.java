package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class PendingRevocationTest {

    /** The shortest wait within each jittered step, so the steps themselves show. */
    private static final DoubleSupplier LOWEST = () -> 0.0;

    private static PendingRevocation failedOnce(PendingRevocation revocation, String reason) {
        return revocation.failed(reason, Optional.empty(), NOW, LOWEST);
    }

    private static PendingRevocation fresh() {
        return new PendingRevocation(UUID.randomUUID(), PROVIDER,
                new RevocableToken("refresh-secret", RevocableToken.Hint.REFRESH_TOKEN), 0, NOW, null);
    }

    @Test
    void backsOffExponentiallyWithJitterAndCapsAtOneHour() {
        List<Duration> waits = new ArrayList<>();
        PendingRevocation revocation = fresh();
        for (int i = 0; i < 10; i++) {
            revocation = failedOnce(revocation, "HTTP 503");
            waits.add(Duration.between(NOW, revocation.nextAttemptAt()));
        }

        assertThat(waits).extracting(Duration::getSeconds)
                .containsExactly(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L);
        assertThat(fresh().failed("HTTP 503", Optional.empty(), NOW, () -> 0.999_999).nextAttemptAt())
                .isBetween(NOW.plusSeconds(29), NOW.plusSeconds(30));
    }

    @Test
    void waitsAtLeastAsLongAsTheProviderAskedUpToAnHour() {
        assertThat(fresh().failed("HTTP 429", Optional.of(Duration.ofMinutes(5)), NOW, LOWEST).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(fresh().failed("HTTP 429", Optional.of(Duration.ofDays(2)), NOW, LOWEST).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void neverWaitsLongerThanAnHourHoweverManyAttempts() {
        PendingRevocation late = new PendingRevocation(UUID.randomUUID(), PROVIDER,
                new RevocableToken("t", RevocableToken.Hint.ACCESS_TOKEN), 1000, NOW, null);

        assertThat(late.failed("timeout", Optional.empty(), NOW, () -> 0.999_999).nextAttemptAt())
                .isBetween(NOW.plus(Duration.ofMinutes(59)), NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aFailureCountsTheAttemptAndRecordsWhy() {
        PendingRevocation failed = failedOnce(fresh(), "timeout");

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("timeout");
        assertThat(failed.token()).isEqualTo(fresh().token());
    }

    @Test
    void isExhaustedAfterTheMaximumNumberOfAttempts() {
        PendingRevocation revocation = fresh();
        for (int i = 0; i < PendingRevocation.MAX_ATTEMPTS - 1; i++) {
            revocation = failedOnce(revocation, "HTTP 503");
        }
        assertThat(revocation.isExhausted()).isFalse();

        assertThat(failedOnce(revocation, "HTTP 503").isExhausted()).isTrue();
    }

    @Test
    void toStringNeverContainsTheToken() {
        assertThat(fresh().toString()).doesNotContain("refresh-secret");
    }
}
