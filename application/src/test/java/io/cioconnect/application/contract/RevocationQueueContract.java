package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.Connection;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.RevocableToken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@code RevocationQueue}, fed through connection deletions as in production. */
public abstract class RevocationQueueContract extends RefreshClaimContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private PendingRevocation queueRevocationFor(String owner) {
        Connection stored = store.saveConnected(connection(owner, NOW), NOTHING_TO_REVOKE);
        PendingRevocation revocation = new PendingRevocation(UUID.randomUUID(), stored.provider(),
                RevocableToken.bestOf(stored.tokens()), 0, NOW, null);
        store.delete(stored.id(), connection -> Optional.of(revocation));
        return revocation;
    }

    @Test
    void hidesClaimedRevocationsUntilTheirLeaseEnds() {
        PendingRevocation revocation = queueRevocationFor("kim");

        assertThat(revocations.claimDue(NOW, LEASE, 10)).containsExactly(revocation);
        assertThat(revocations.claimDue(NOW.plusSeconds(1), LEASE, 10)).isEmpty();
        assertThat(revocations.claimDue(NOW.plus(LEASE), LEASE, 10)).extracting(PendingRevocation::id)
                .containsExactly(revocation.id());
    }

    @Test
    void retriesAFailedRevocationAtItsNextAttempt() {
        PendingRevocation revocation = queueRevocationFor("leo");
        revocations.claimDue(NOW, LEASE, 10);
        PendingRevocation next = revocation.failed("provider answered 503", Optional.empty(), NOW, () -> 0.5);

        revocations.retryLater(next);

        assertThat(revocations.claimDue(next.nextAttemptAt().minusSeconds(1), LEASE, 10)).isEmpty();
        assertThat(revocations.claimDue(next.nextAttemptAt(), LEASE, 10)).containsExactly(next);
    }

    @Test
    void forgetsACompletedRevocation() {
        PendingRevocation revocation = queueRevocationFor("mia");

        revocations.complete(revocation.id());

        assertThat(revocations.claimDue(NOW.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    }

    @Test
    void claimsAtMostTheLimitOldestFirst() {
        PendingRevocation first = queueRevocationFor("ned");
        queueRevocationFor("oli");
        queueRevocationFor("pam");

        List<PendingRevocation> claimed = revocations.claimDue(NOW, LEASE, 2);

        assertThat(claimed).hasSize(2);
        assertThat(revocations.claimDue(NOW, LEASE, 10)).hasSize(1);
        assertThat(first.token().hint()).isEqualTo(RevocableToken.Hint.REFRESH_TOKEN);
    }
}
