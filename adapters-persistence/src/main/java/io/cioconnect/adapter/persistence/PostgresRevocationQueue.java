package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.PendingRevocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
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
        List<RevocationRow> rows = DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle
                .createQuery(RevocationDao.CLAIM_DUE)
                .bind("now", now)
                .bind("leaseEnd", now.plus(lease))
                .bind("limit", limit)
                .map(RevocationRowMapper.INSTANCE)
                .list()));
        return rows.stream()
                .map(row -> row.toDomain(cipher))
                .sorted(Comparator.comparing(PendingRevocation::nextAttemptAt).thenComparing(PendingRevocation::id))
                .toList();
    }

    @Override
    public void complete(UUID id) {
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> handle.createUpdate(RevocationDao.DELETE)
                .bind("id", id)
                .execute()));
    }

    @Override
    public void retryLater(PendingRevocation next) {
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> handle.createUpdate(RevocationDao.RESCHEDULE)
                .bind("id", next.id())
                .bind("attempts", next.attempts())
                .bind("nextAttemptAt", next.nextAttemptAt())
                .bind("lastError", next.lastError())
                .execute()));
    }

    /** Queues a revocation inside the caller's transaction (a reconnection's or a deletion's). */
    static void insert(Handle handle, RevocationRow row) {
        handle.createUpdate(RevocationDao.INSERT).bindMethods(row).execute();
    }
}
