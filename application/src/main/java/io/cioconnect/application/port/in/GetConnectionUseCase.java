package io.cioconnect.application.port.in;

import io.cioconnect.domain.ConnectionId;

/** Use case: read one connection's metadata; {@code not_found} when there is none. */
public interface GetConnectionUseCase {

    ConnectionSummary get(ConnectionId id);
}
