-- The background refresher's schedule per connection. NULL: due whenever the access token's expiry says so.
-- Otherwise no refresher claims the connection before this instant: the end of a backoff after failed
-- refreshes, or of the lease of the refresher that claimed it (so instances never claim one twice at once).
ALTER TABLE connections ADD COLUMN next_refresh_at timestamptz;
