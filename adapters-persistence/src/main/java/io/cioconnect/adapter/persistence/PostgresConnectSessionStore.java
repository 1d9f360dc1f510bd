package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link ConnectSessionStore} on PostgreSQL: tickets by hash, taken once with {@code DELETE ... RETURNING}. */
final class PostgresConnectSessionStore implements ConnectSessionStore {

    private final Jdbi jdbi;

    PostgresConnectSessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(ConnectSession session) {
        ConnectSessionRow row = ConnectSessionRow.from(session);
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> row.bindTo(handle.createUpdate(ConnectSessionDao.INSERT))
                .execute()));
    }

    @Override
    public Optional<ConnectSession> consume(SecretHash ticketHash, Instant now) {
        // The row is deleted even when it has expired: an expired ticket must not be tried again either.
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(ConnectSessionDao.TAKE)
                        .bind("ticketHash", ticketHash.hex())
                        .map(ConnectSessionRowMapper.INSTANCE)
                        .findOne()))
                .map(ConnectSessionRow::toDomain)
                .filter(session -> !session.isExpired(now));
    }

    @Override
    public int purgeExpired(Instant now) {
        return ExpiredRows.delete(jdbi, ConnectSessionDao.DELETE_EXPIRED, now);
    }
}
