package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * The query of {@code GET /api/v1/connections}: optional {@code owner}, {@code provider} and {@code status}
 * filters, {@code limit} and {@code cursor}. Each at most once; a parameter that is present must be valid
 * (an empty one too), so a typo never widens a listing silently.
 */
final class ConnectionListRequest {

    private ConnectionListRequest() {
    }

    static ListConnectionsUseCase.Query from(Context ctx) {
        ConnectionFilter filter = new ConnectionFilter(
                optional(ctx, "owner", Owner::new),
                optional(ctx, "provider", ProviderId::new),
                optional(ctx, "status", ConnectionListRequest::status));
        Integer limit = optional(ctx, "limit", ConnectionListRequest::limit);
        return new ListConnectionsUseCase.Query(filter, limit == null ? ListConnectionsUseCase.DEFAULT_LIMIT : limit,
                optional(ctx, "cursor", ListCursor::decode));
    }

    private static <T> T optional(Context ctx, String name, Function<String, T> parse) {
        String value = QueryParameters.atMostOnce(ctx, name);
        return value == null ? null : parse.apply(value);
    }

    private static ConnectionStatus status(String value) {
        return ConnectionStatus.parse(value).orElseThrow(
                () -> HttpProblem.badRequest("status must be active or reauthorization_required"));
    }

    private static int limit(String value) {
        return QueryParameters.limit(value, ListConnectionsUseCase.MAX_LIMIT);
    }
}
