-- OAuth clients this service registers at run time (RFC 7591 dynamic registration, for customerio-mcp): one per
-- authorization server (issuer) and redirect URI, shared by every instance. Two instances registering at once
-- both try to insert; the unique key keeps the first and the other uses it. A client the server forgets is
-- replaced in place. The secret, when the server issues one, is an encryption envelope bound to the row's id.
CREATE TABLE oauth_client_registrations (
    id                         uuid          PRIMARY KEY,
    issuer                     varchar(2048) NOT NULL,
    redirect_uri               varchar(2048) NOT NULL,
    client_id                  varchar(2048) NOT NULL,
    client_secret              text,
    client_secret_expires_at   timestamptz,
    token_endpoint_auth_method varchar(40)   NOT NULL,
    registered_at              timestamptz   NOT NULL,
    CONSTRAINT oauth_client_registrations_issuer_redirect_uri_key UNIQUE (issuer, redirect_uri)
);
