package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.post;

import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Host API: {@code POST /api/v1/connect-sessions} creates the single-use link that starts a connect flow. */
final class ConnectSessionRoutes implements EndpointGroup {

    static final String CONNECT_SESSIONS = "/api/v1/connect-sessions";

    private final CreateConnectSessionUseCase createConnectSession;
    private final JsonBody jsonBody;

    ConnectSessionRoutes(CreateConnectSessionUseCase createConnectSession, JsonBody jsonBody) {
        this.createConnectSession = createConnectSession;
        this.jsonBody = jsonBody;
    }

    @Override
    public void addEndpoints() {
        post(CONNECT_SESSIONS, this::create);
    }

    private void create(Context ctx) {
        CreateConnectSessionRequest request = jsonBody.read(ctx, CreateConnectSessionRequest.class);
        var created = createConnectSession.create(request.toCommand());
        ctx.status(HttpStatus.CREATED).json(ConnectSessionResponse.from(created));
    }
}
