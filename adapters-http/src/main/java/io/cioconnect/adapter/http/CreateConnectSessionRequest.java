package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.util.List;

/** JSON body of {@code POST /api/v1/connect-sessions}. */
record CreateConnectSessionRequest(String owner, String provider, String returnTo, List<String> scopes,
        String clientState) {

    /**
     * The use case command; the domain constructors reject a bad owner, provider, scope or client state with
     * {@code validation_failed}.
     */
    CreateConnectSessionUseCase.Command toCommand() {
        return new CreateConnectSessionUseCase.Command(new Owner(owner), new ProviderId(provider), returnTo,
                scopes == null ? null : Scopes.of(scopes), ClientState.optional(clientState).orElse(null));
    }

    /** The client state is the host's anti-forgery value: it stays out of logs like any other. */
    @Override
    public String toString() {
        return "CreateConnectSessionRequest[owner=" + owner + ", provider=" + provider + ", redacted]";
    }
}
