package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.util.List;

/** JSON body of {@code POST /api/v1/connect-sessions}. */
record CreateConnectSessionRequest(String owner, String provider, String returnTo, List<String> scopes) {

    /** The use case command; the domain constructors reject a bad owner, provider or scope with {@code validation_failed}. */
    CreateConnectSessionUseCase.Command toCommand() {
        return new CreateConnectSessionUseCase.Command(new Owner(owner), new ProviderId(provider), returnTo,
                scopes == null ? null : Scopes.of(scopes));
    }
}
