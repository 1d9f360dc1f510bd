package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingRevocationTest {

    private static PendingRevocation fresh() {
        return new PendingRevocation(UUID.randomUUID(), PROVIDER,
                new RevocableToken("refresh-secret", RevocableToken.Hint.REFRESH_TOKEN), 0, NOW, null);
    }

    @Test
    void backsOffExponentiallyAndCapsAtOneHour() {
        List<Duration> waits = new ArrayList<>();
        PendingRevocation revocation = fresh();
        for (int i = 0; i < 10; i++) {
            revocation = revocation.failed("HTTP 503", NOW);
            waits.add(Duration.between(NOW, revocation.nextAttemptAt()));
        }

        assertThat(waits).extracting(Duration::getSeconds)
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L);
    }

    @Test
    void neverWaitsLongerThanAnHourHoweverManyAttempts() {
        PendingRevocation late = new PendingRevocation(UUID.randomUUID(), PROVIDER,
                new RevocableToken("t", RevocableToken.Hint.ACCESS_TOKEN), 1000, NOW, null);

        assertThat(late.failed("timeout", NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aFailureCountsTheAttemptAndRecordsWhy() {
        PendingRevocation failed = fresh().failed("timeout", NOW);

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("timeout");
        assertThat(failed.token()).isEqualTo(fresh().token());
    }

    @Test
    void isExhaustedAfterTheMaximumNumberOfAttempts() {
        PendingRevocation revocation = fresh();
        for (int i = 0; i < PendingRevocation.MAX_ATTEMPTS - 1; i++) {
            revocation = revocation.failed("HTTP 503", NOW);
        }
        assertThat(revocation.isExhausted()).isFalse();

        assertThat(revocation.failed("HTTP 503", NOW).isExhausted()).isTrue();
    }

    @Test
    void toStringNeverContainsTheToken() {
        assertThat(fresh().toString()).doesNotContain("refresh-secret");
    }
}
