package io.cioconnect.adapter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The counts operators watch, read in four aggregate queries over one pooled connection and nothing
 * else: no credential is read or decrypted, and nothing remote is waited on while the connection is held.
 */
public final class StoreStatistics {

    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private static final String CONNECTIONS = """
            SELECT provider, status, count(*) AS connections FROM connections GROUP BY provider, status""";

    private static final String REVOCATIONS = "SELECT count(*) FROM pending_revocations";

    private static final String WEBHOOK_EVENTS_PENDING = "SELECT count(*) FROM webhook_events WHERE status = 'pending'";

    /**
     * When the oldest refresh that is due now fell due: a connection is due once its token is inside the
     * refresh window, and not before the end of a backoff ({@code next_refresh_at}). The same rows the
     * background refresher claims, whether or not one holds them right now.
     */
    private static final String OLDEST_DUE_REFRESH = """
            SELECT min(greatest(access_token_expires_at - make_interval(secs => :windowSeconds),
                                coalesce(next_refresh_at, '-infinity'::timestamptz)))
            FROM connections
            WHERE status = 'active'
              AND refresh_token IS NOT NULL
              AND access_token_expires_at <= :dueBefore
              AND (next_refresh_at IS NULL OR next_refresh_at <= :now)""";

    /** Connections of one provider in one status (its wire name). */
    public record ConnectionGroup(String provider, String status) {
    }

    /**
     * @param connections        how many connections each provider has in each status present
     * @param revocationsPending    revocations queued and not yet accepted by their provider
     * @param oldestDueRefresh      when the refresh that has waited longest fell due; empty when none is due
     * @param webhookEventsPending  webhook events not yet delivered (nor given up on)
     */
    public record Snapshot(Map<ConnectionGroup, Long> connections, long revocationsPending,
            Optional<Instant> oldestDueRefresh, long webhookEventsPending) {

        public Snapshot {
            connections = Map.copyOf(connections);
        }

        /** How long the oldest due refresh has waited at {@code now}; zero when none is due. */
        public Duration refreshOverdue(Instant now) {
            return oldestDueRefresh.map(due -> Duration.between(due, now)).filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    private final Jdbi jdbi;

    StoreStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Reads the counts as of {@code now}, with the refresher's {@code refreshWindow}. */
    public Snapshot read(Instant now, Duration refreshWindow) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> new Snapshot(connections(handle),
                count(handle, REVOCATIONS),
                handle.createQuery(OLDEST_DUE_REFRESH).setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                        .bind("windowSeconds", refreshWindow.toMillis() / 1000.0)
                        .bind("dueBefore", now.plus(refreshWindow))
                        .bind("now", now)
                        .mapTo(Instant.class).findOne(),
                count(handle, WEBHOOK_EVENTS_PENDING))));
    }

    private static long count(Handle handle, String query) {
        return handle.createQuery(query).setQueryTimeout(QUERY_TIMEOUT_SECONDS).mapTo(Long.class).one();
    }

    private static Map<ConnectionGroup, Long> connections(Handle handle) {
        return handle.createQuery(CONNECTIONS).setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                .map((rs, ctx) -> Map.entry(new ConnectionGroup(rs.getString("provider"), rs.getString("status")),
                        rs.getLong("connections")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
