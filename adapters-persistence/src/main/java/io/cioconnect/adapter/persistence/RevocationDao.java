package io.cioconnect.adapter.persistence;

/** SQL of {@code pending_revocations}, run as plain JDBI statements whose rows {@link RevocationRowMapper} reads. */
interface RevocationDao {

    String INSERT = """
            INSERT INTO pending_revocations (id, provider, token, token_type_hint, attempts, next_attempt_at, last_error)
            VALUES (:id, :provider, :token, :tokenTypeHint, :attempts, :nextAttemptAt, :lastError)""";

    /**
     * Claims due rows in one statement: rows another claimer holds are skipped, the claimed ones are pushed
     * to the end of the lease, and each is returned as it was before the claim.
     */
    String CLAIM_DUE = """
            UPDATE pending_revocations r SET next_attempt_at = :leaseEnd
            FROM (SELECT id, next_attempt_at AS due_at FROM pending_revocations
                  WHERE next_attempt_at <= :now
                  ORDER BY next_attempt_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE r.id = due.id
            RETURNING r.id, r.provider, r.token, r.token_type_hint, r.attempts, due.due_at AS next_attempt_at, r.last_error""";

    String DELETE = "DELETE FROM pending_revocations WHERE id = :id";

    String RESCHEDULE = """
            UPDATE pending_revocations SET attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError
            WHERE id = :id""";
}
