package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code pending_revocations}. */
@RegisterConstructorMapper(RevocationRow.class)
interface RevocationDao {

    @SqlUpdate("""
            INSERT INTO pending_revocations (id, provider, token, token_type_hint, attempts, next_attempt_at, last_error)
            VALUES (:id, :provider, :token, :tokenTypeHint, :attempts, :nextAttemptAt, :lastError)""")
    void insert(@BindMethods RevocationRow row);

    /**
     * Claims due rows in one statement: rows another claimer holds are skipped, the claimed ones are pushed
     * to the end of the lease, and each is returned as it was before the claim.
     */
    @SqlQuery("""
            UPDATE pending_revocations r SET next_attempt_at = :leaseEnd
            FROM (SELECT id, next_attempt_at AS due_at FROM pending_revocations
                  WHERE next_attempt_at <= :now
                  ORDER BY next_attempt_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE r.id = due.id
            RETURNING r.id, r.provider, r.token, r.token_type_hint, r.attempts, due.due_at AS next_attempt_at, r.last_error""")
    List<RevocationRow> claimDue(Instant now, Instant leaseEnd, int limit);

    @SqlUpdate("DELETE FROM pending_revocations WHERE id = :id")
    void delete(UUID id);

    @SqlUpdate("""
            UPDATE pending_revocations SET attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError
            WHERE id = :id""")
    void reschedule(UUID id, int attempts, Instant nextAttemptAt, String lastError);
}
