package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The refresh leases of {@link PostgresConnectionStore}, each one short statement (or transaction) that
 * holds its pooled connection for a round trip or two and never across a provider call. The lease is in
 * the row ({@code refresh_holder}, {@code refresh_lease_until}); the version fences it.
 */
final class RefreshLeases {

    private static final String FIND_WITH_LEASE = "SELECT * FROM connections WHERE id = :id";

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    RefreshLeases(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** A row as read with its lease's end, if it has one. */
    private record LeasedRow(ConnectionRow row, Instant leaseUntil) {
    }

    LeaseClaim claim(RefreshLease wanted, Instant now) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> {
            Optional<ConnectionRow> claimed = handle.createQuery(ConnectionDao.CLAIM_REFRESH)
                    .bind("id", wanted.id().value())
                    .bind("version", wanted.version())
                    .bind("holder", wanted.holder())
                    .bind("until", wanted.until())
                    .bind("now", now)
                    .map(ConnectionRowMapper.INSTANCE)
                    .findOne();
            if (claimed.isPresent()) {
                return new LeaseClaim.Claimed(claimed.get().toDomain(cipher), wanted);
            }
            return whyNot(handle, wanted, now);
        }));
    }

    /** What a claim that took nothing found: the row gone, moved on, or leased by someone else. */
    private LeaseClaim whyNot(Handle handle, RefreshLease wanted, Instant now) {
        Optional<LeasedRow> current = handle.createQuery(FIND_WITH_LEASE)
                .bind("id", wanted.id().value())
                .map((rs, ctx) -> new LeasedRow(ConnectionRowMapper.INSTANCE.map(rs, ctx),
                        ResultSets.instant(rs, "refresh_lease_until")))
                .findOne();
        if (current.isEmpty()) {
            return new LeaseClaim.Gone();
        }
        if (current.get().row().version() != wanted.version()) {
            return new LeaseClaim.Changed(current.get().row().toDomain(cipher));
        }
        // A lease that ended between the two statements: busy "until now", so the caller looks again at once.
        Instant until = current.get().leaseUntil();
        return new LeaseClaim.Busy(until == null || until.isBefore(now) ? now : until);
    }

    List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder, Instant until,
            int limit) {
        List<ConnectionRow> rows = DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle
                .createQuery(ConnectionDao.CLAIM_DUE)
                .bind("provider", provider.value())
                .bind("now", now)
                .bind("dueBefore", now.plus(window))
                .bind("holder", holder)
                .bind("until", until)
                .bind("limit", limit)
                .map(ConnectionRowMapper.INSTANCE)
                .list()));
        return rows.stream()
                .sorted(Comparator.comparing(ConnectionRow::accessTokenExpiresAt).thenComparing(ConnectionRow::id))
                .map(row -> new LeaseClaim.Claimed(row.toDomain(cipher),
                        new RefreshLease(new ConnectionId(row.id()), row.version(), holder, until)))
                .toList();
    }

    /**
     * The compare-and-set write that ends a refresh, in a transaction of its own: {@code announcement} is put in
     * the webhook outbox in it, only when the write succeeded.
     */
    Optional<Connection> complete(RefreshLease lease, Connection result, Optional<WebhookEvent> announcement) {
        if (!result.id().equals(lease.id())) {
            throw new IllegalArgumentException("only the leased connection can be written under its lease");
        }
        ConnectionRow row = ConnectionRow.from(result, cipher);
        Optional<Long> version = DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            Optional<Long> written = bindWrite(handle.createQuery(ConnectionDao.COMPLETE_REFRESH), row)
                    .bind("holder", lease.holder())
                    .bind("leaseVersion", lease.version())
                    .mapTo(Long.class)
                    .findOne();
            written.flatMap(stored -> announcement).ifPresent(event -> WebhookEventRows.insert(handle, event));
            return written;
        }));
        return version.map(stored -> row.toDomain(result.tokens().accessToken(), result.tokens().refreshToken())
                .withVersion(stored));
    }

    /**
     * The row's columns bound one by one: {@code bindMethods} looks every accessor up by name on each call,
     * which the benchmark showed to cost more than the statement on this, the sweep's busiest write.
     */
    static Query bindWrite(Query query, ConnectionRow row) {
        return query.bind("id", row.id())
                .bind("status", row.status())
                .bind("accessToken", row.accessToken())
                .bind("refreshToken", row.refreshToken())
                .bind("tokenType", row.tokenType())
                .bind("accessTokenExpiresAt", row.accessTokenExpiresAt())
                .bind("scopes", row.scopes())
                .bind("appApiRegion", row.appApiRegion())
                .bind("updatedAt", row.updatedAt())
                .bind("lastRefreshedAt", row.lastRefreshedAt())
                .bind("lastError", row.lastError())
                .bind("refreshFailures", row.refreshFailures())
                .bind("nextRefreshAt", row.nextRefreshAt())
                .bind("refreshOutcomeUnknown", row.refreshOutcomeUnknown());
    }

    void release(RefreshLease lease) {
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> handle.createUpdate(ConnectionDao.RELEASE_REFRESH)
                .bind("id", lease.id().value())
                .bind("holder", lease.holder())
                .execute()));
    }
}
