package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.CreateConnectSessionUseCase.CreatedConnectSession;
import java.time.Instant;

/** JSON answer of {@code POST /api/v1/connect-sessions}. */
record ConnectSessionResponse(String id, String connectUrl, Instant expiresAt) {

    static ConnectSessionResponse from(CreatedConnectSession created) {
        return new ConnectSessionResponse(created.id().toString(), created.connectUrl().toString(), created.expiresAt());
    }
}
