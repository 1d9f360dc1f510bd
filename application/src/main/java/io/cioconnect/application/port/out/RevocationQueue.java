package io.cioconnect.application.port.out;

import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Out-port: revocations of deleted connections' tokens still to be sent to providers. */
public interface RevocationQueue {

    /**
     * Claims up to {@code limit} revocations due at {@code now}, hiding them from other claimers for
     * {@code lease} so that several instances never send the same one twice at once.
     */
    List<PendingRevocation> claimDue(Instant now, Duration lease, int limit);

    /** The provider accepted it (or it is hopeless): forget it, and the token with it. */
    void complete(UUID id);

    /** Stores the next attempt of a revocation that failed for a passing reason. */
    void retryLater(PendingRevocation next);
}
