package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ListPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The statement behind {@code ConnectionStore.list}: a condition only for each criterion that is set (a
 * generic "{@code :x IS NULL OR ...}" would hide the indexes from the planner), every value bound, and
 * keyset paging on {@code (created_at, id)}, a range scan of {@code connections_listing_idx}.
 */
final class ConnectionListQuery {

    private ConnectionListQuery() {
    }

    static Query of(Handle handle, ConnectionFilter filter, ListPosition after, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (filter.owner() != null) {
            conditions.add("owner = :owner");
            values.put("owner", filter.owner().value());
        }
        if (filter.provider() != null) {
            conditions.add("provider = :provider");
            values.put("provider", filter.provider().value());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            values.put("status", filter.status().wireName());
        }
        if (after != null) {
            conditions.add("(created_at, id) > (:afterCreatedAt, :afterId)");
            values.put("afterCreatedAt", after.createdAt());
            values.put("afterId", after.id().value());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Query query = handle.createQuery("SELECT * FROM connections" + where + " ORDER BY created_at, id LIMIT :limit")
                .bind("limit", limit);
        values.forEach(query::bind);
        return query;
    }
}
