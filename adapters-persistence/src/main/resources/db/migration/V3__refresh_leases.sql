-- Refresh leases: a refresh claims the row in one short transaction, calls the provider holding nothing of
-- the database, and writes its result in a second short transaction only while the lease is still its own
-- (compare-and-set on refresh_holder and version).
-- refresh_holder: the random id of the worker refreshing the connection right now; refresh_lease_until: when
-- its claim ends, after which another worker may take over (the holder died or hung). Set together or not at all.
-- refresh_outcome_unknown: the last refresh with the stored refresh token got no answer (timeout, connection
-- lost after sending), so the provider may have used the token up; an invalid_grant right after is not at once
-- taken for a lost grant.
ALTER TABLE connections
    ADD COLUMN refresh_holder uuid,
    ADD COLUMN refresh_lease_until timestamptz,
    ADD COLUMN refresh_outcome_unknown boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT connections_refresh_lease_check CHECK ((refresh_holder IS NULL) = (refresh_lease_until IS NULL));
-- Room on each page, so that a claim (which changes no indexed column) updates its row in place (a HOT update)
-- instead of writing new entries into every index.
ALTER TABLE connections SET (fillfactor = 90);

-- The background refresher now claims one provider's due connections at a time (its concurrency is per provider),
-- soonest expiry first with the id as tie-break: the index serves that order, so a claim reads only what it takes
-- (many tokens issued together expire at the same instant; sorting them for every claim would cost more than the claim).
DROP INDEX connections_refresh_due_idx;
CREATE INDEX connections_refresh_due_idx ON connections (provider, access_token_expires_at, id) WHERE status = 'active';
