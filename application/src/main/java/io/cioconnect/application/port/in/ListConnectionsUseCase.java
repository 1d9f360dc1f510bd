package io.cioconnect.application.port.in;

import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ListPosition;
import java.util.List;
import java.util.Objects;

/** Use case: list connections, across owners or filtered, a page at a time, oldest first. */
public interface ListConnectionsUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    Page list(Query query);

    /** The connections {@code filter} matches, at most {@code limit}, starting after {@code after} (null: the first). */
    record Query(ConnectionFilter filter, int limit, ListPosition after) {

        public Query {
            Objects.requireNonNull(filter, "filter");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be from 1 to " + MAX_LIMIT);
            }
        }
    }

    /** One page; {@code next} is where the following page starts, {@code null} when this is the last one. */
    record Page(List<ConnectionSummary> connections, ListPosition next) {

        public Page {
            connections = List.copyOf(connections);
        }
    }
}
