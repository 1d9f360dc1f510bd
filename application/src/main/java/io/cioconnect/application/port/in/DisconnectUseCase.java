package io.cioconnect.application.port.in;

import io.cioconnect.domain.ConnectionId;

/**
 * Use case: delete a connection. Credentials are destroyed locally first, then revoked at the provider
 * (retried later if it is down). Idempotent: deleting twice is not an error.
 */
public interface DisconnectUseCase {

    void disconnect(ConnectionId id);
}
