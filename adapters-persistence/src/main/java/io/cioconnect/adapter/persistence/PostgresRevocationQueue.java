package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link RevocationQueue} on PostgreSQL: claims are leases taken with {@code FOR UPDATE SKIP LOCKED}. */
final class PostgresRevocationQueue implements RevocationQueue {

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    PostgresRevocationQueue(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    @Override
    public List<PendingRevocation> claimDue(Instant now, Duration lease, int limit) {
        List<RevocationRow> rows = DatabaseFailures.call(() -> jdbi.withExtension(RevocationDao.class,
                dao -> dao.claimDue(now, now.plus(lease), limit)));
        return rows.stream()
                .map(row -> row.toDomain(cipher))
                .sorted(Comparator.comparing(PendingRevocation::nextAttemptAt).thenComparing(PendingRevocation::id))
                .toList();
    }

    @Override
    public void complete(UUID id) {
        DatabaseFailures.run(() -> jdbi.useExtension(RevocationDao.class, dao -> dao.delete(id)));
    }

    @Override
    public void retryLater(PendingRevocation next) {
        DatabaseFailures.run(() -> jdbi.useExtension(RevocationDao.class,
                dao -> dao.reschedule(next.id(), next.attempts(), next.nextAttemptAt(), next.lastError())));
    }
}
