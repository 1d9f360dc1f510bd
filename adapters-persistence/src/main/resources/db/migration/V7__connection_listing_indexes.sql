-- GET /api/v1/connections pages through connections oldest first, ties by id: "(created_at, id) > (:after)
-- ORDER BY created_at, id LIMIT n" is a range scan of the first index whatever the page. Filtering by status
-- (say, every connection that needs reauthorization) gets an index of its own, so a rare status does not
-- scan the whole table to fill a page. Owner filters use connections_owner_provider_key; provider filters
-- are not selective enough (a few providers) to earn a third index.
CREATE INDEX connections_listing_idx ON connections (created_at, id);
CREATE INDEX connections_status_listing_idx ON connections (status, created_at, id);
