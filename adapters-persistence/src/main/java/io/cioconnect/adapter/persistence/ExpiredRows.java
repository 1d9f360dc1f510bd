package io.cioconnect.adapter.persistence;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** The purge shared by the flow tables: one {@code DELETE ... WHERE expires_at <= :now}, returning how many went. */
final class ExpiredRows {

    private ExpiredRows() {
    }

    static int delete(Jdbi jdbi, String deleteExpired, Instant now) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createUpdate(deleteExpired)
                .bind("now", now)
                .execute()));
    }
}
