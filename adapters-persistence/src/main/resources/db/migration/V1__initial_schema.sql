-- cio-connect initial schema.
-- Secrets that must be read back (tokens, PKCE verifiers) are stored as encryption envelopes
-- 'v1:<kid>:<base64(nonce || ciphertext || tag)>'; single-use secrets (tickets, states, browser
-- bindings) only as SHA-256 hex hashes, so a copy of the database cannot replay a flow.

CREATE TABLE connect_sessions (
    id          uuid         PRIMARY KEY,
    ticket_hash text         NOT NULL CHECK (ticket_hash ~ '^[0-9a-f]{64}$'),
    owner       varchar(200) NOT NULL,
    provider    varchar(40)  NOT NULL,
    return_to   varchar(2048) NOT NULL,
    scopes      text         NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    CONSTRAINT connect_sessions_ticket_hash_key UNIQUE (ticket_hash)
);
-- purgeExpired
CREATE INDEX connect_sessions_expires_at_idx ON connect_sessions (expires_at);

CREATE TABLE pending_authorizations (
    state_hash           text         PRIMARY KEY CHECK (state_hash ~ '^[0-9a-f]{64}$'),
    pkce_verifier        text         NOT NULL,
    browser_binding_hash text         NOT NULL CHECK (browser_binding_hash ~ '^[0-9a-f]{64}$'),
    issuer               text,
    owner                varchar(200) NOT NULL,
    provider             varchar(40)  NOT NULL,
    return_to            varchar(2048) NOT NULL,
    scopes               text         NOT NULL,
    created_at           timestamptz  NOT NULL,
    expires_at           timestamptz  NOT NULL
);
-- purgeExpired
CREATE INDEX pending_authorizations_expires_at_idx ON pending_authorizations (expires_at);

CREATE TABLE connections (
    id                      uuid         PRIMARY KEY,
    owner                   varchar(200) NOT NULL,
    provider                varchar(40)  NOT NULL,
    status                  varchar(40)  NOT NULL CHECK (status IN ('active', 'reauthorization_required')),
    access_token            text         NOT NULL,
    refresh_token           text,
    token_type              varchar(20)  NOT NULL,
    access_token_expires_at timestamptz,
    scopes                  text         NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    last_refreshed_at       timestamptz,
    last_error              varchar(300),
    refresh_failures        integer      NOT NULL DEFAULT 0 CHECK (refresh_failures >= 0),
    version                 bigint       NOT NULL DEFAULT 0 CHECK (version >= 0),
    -- One connection per owner and provider; its leading column also serves the lookups by owner.
    CONSTRAINT connections_owner_provider_key UNIQUE (owner, provider)
);
-- The background refresher claims "status = 'active' AND access_token_expires_at < now + window"
-- ordered by expiry, FOR UPDATE SKIP LOCKED.
CREATE INDEX connections_refresh_due_idx ON connections (access_token_expires_at) WHERE status = 'active';

CREATE TABLE pending_revocations (
    id              uuid        PRIMARY KEY,
    provider        varchar(40) NOT NULL,
    token           text        NOT NULL,
    token_type_hint varchar(20) NOT NULL CHECK (token_type_hint IN ('refresh_token', 'access_token')),
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- claimDue
CREATE INDEX pending_revocations_next_attempt_at_idx ON pending_revocations (next_attempt_at);
