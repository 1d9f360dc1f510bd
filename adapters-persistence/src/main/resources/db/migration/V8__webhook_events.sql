-- The webhook outbox. An event is inserted in the transaction of the change it announces, so it exists exactly
-- when the change does; the delivery worker of any instance then claims it ("claimed_by", "claimed_until": set
-- together or not at all) with FOR UPDATE SKIP LOCKED, sends it holding nothing of the database, and settles it
-- in a second short transaction only while the claim is still its own. A claim that ends unsettled (its holder
-- was killed) makes the event due again. No foreign key: connection.deleted outlives its connection.
CREATE TABLE webhook_events (
    id              uuid        PRIMARY KEY,
    type            text        NOT NULL,
    connection_id   uuid        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    give_up_at      timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    claimed_by      uuid,
    claimed_until   timestamptz,
    CHECK ((claimed_by IS NULL) = (claimed_until IS NULL))
);

-- The worker's claim reads pending rows in due order and stops at its limit; delivered and failed rows are
-- not in this index, so it stays as small as the backlog.
CREATE INDEX webhook_events_due_idx ON webhook_events (next_attempt_at, id) WHERE status = 'pending';
-- GET /api/v1/webhook-events pages oldest first, ties by id, all or by status.
CREATE INDEX webhook_events_listing_idx ON webhook_events (created_at, id);
CREATE INDEX webhook_events_status_listing_idx ON webhook_events (status, created_at, id);
