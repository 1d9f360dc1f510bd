-- Security hardening and key forms of their own.

-- Connect link forwarding: the host's optional client_state, kept with the session and the flow and echoed
-- verbatim on the redirect to return_to. Not a secret of ours (it travels in that URL), so kept as given.
ALTER TABLE connect_sessions ADD COLUMN client_state varchar(256);
ALTER TABLE pending_authorizations ADD COLUMN client_state varchar(256);

-- RFC 9207: the issuer is now kept whenever it is known, and issuer_required says whether a callback without
-- iss is refused. Until now an issuer was kept only when it was required, so that is the default (it also
-- keeps rows written by an instance not yet upgraded right).
ALTER TABLE pending_authorizations ADD COLUMN issuer_required boolean NOT NULL DEFAULT true;

-- App API key forms are not OAuth flows: no PKCE verifier, no state, no scopes. Found by the hash of their
-- anti-forgery token, bound to a browser by the hash of its cookie, taken once, purged when expired.
CREATE TABLE pending_key_forms (
    token_hash           text          PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    browser_binding_hash text          NOT NULL CHECK (browser_binding_hash ~ '^[0-9a-f]{64}$'),
    owner                varchar(200)  NOT NULL,
    provider             varchar(40)   NOT NULL,
    return_to            varchar(2048) NOT NULL,
    client_state         varchar(256),
    created_at           timestamptz   NOT NULL,
    expires_at           timestamptz   NOT NULL
);
-- purgeExpired
CREATE INDEX pending_key_forms_expires_at_idx ON pending_key_forms (expires_at);

-- Forms opened before this migration were kept as pending authorizations with a throw-away verifier.
INSERT INTO pending_key_forms (token_hash, browser_binding_hash, owner, provider, return_to, created_at, expires_at)
SELECT state_hash, browser_binding_hash, owner, provider, return_to, created_at, expires_at
FROM pending_authorizations
WHERE provider = 'customerio-app-api';
DELETE FROM pending_authorizations WHERE provider = 'customerio-app-api';

-- An App API key's region is not a scope: it gets a column of its own. Keys stored until now carry it as
-- the only scope, 'region:us' or 'region:eu'.
ALTER TABLE connections ADD COLUMN app_api_region varchar(2) CHECK (app_api_region IN ('us', 'eu'));
UPDATE connections SET app_api_region = substr(scopes, length('region:') + 1), scopes = ''
WHERE provider = 'customerio-app-api' AND scopes IN ('region:us', 'region:eu');
