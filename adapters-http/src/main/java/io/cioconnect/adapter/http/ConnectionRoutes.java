package io.cioconnect.adapter.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.cioconnect.application.port.in.DisconnectUseCase;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetConnectionUseCase;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.DomainException;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Host API on connections: read, list (across owners or filtered, a page at a time), get an access token, delete. Never shows a credential but the token asked for. */
final class ConnectionRoutes implements EndpointGroup {

    static final String CONNECTIONS = "/api/v1/connections";
    static final String CONNECTION = "/api/v1/connections/{id}";
    static final String ACCESS_TOKEN = "/api/v1/connections/{id}/access-token";

    private final GetConnectionUseCase getConnection;
    private final ListConnectionsUseCase listConnections;
    private final GetAccessTokenUseCase getAccessToken;
    private final DisconnectUseCase disconnect;
    private final JsonBody jsonBody;
    private final FlowMetrics metrics;

    ConnectionRoutes(HttpUseCases useCases, JsonBody jsonBody, FlowMetrics metrics) {
        this.getConnection = useCases.getConnection();
        this.listConnections = useCases.listConnections();
        this.getAccessToken = useCases.getAccessToken();
        this.disconnect = useCases.disconnect();
        this.jsonBody = jsonBody;
        this.metrics = metrics;
    }

    @Override
    public void addEndpoints() {
        get(CONNECTIONS, this::list);
        get(CONNECTION, this::show);
        delete(CONNECTION, this::disconnect);
        post(ACCESS_TOKEN, this::accessToken);
    }

    private void list(Context ctx) {
        ctx.json(ConnectionListResponse.from(listConnections.list(ConnectionListRequest.from(ctx))));
    }

    private void show(Context ctx) {
        ctx.json(ConnectionResponse.from(getConnection.get(id(ctx))));
    }

    private void disconnect(Context ctx) {
        disconnect.disconnect(id(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void accessToken(Context ctx) {
        ConnectionId id = id(ctx);
        AccessTokenRequest request = jsonBody.readOptional(ctx, AccessTokenRequest.class);
        boolean force = request != null && request.forced();
        GetAccessTokenUseCase.IssuedToken token;
        try {
            token = getAccessToken.get(new GetAccessTokenUseCase.Command(id, force));
        } catch (DomainException e) {
            metrics.accessToken(e.code().code());
            throw e;
        }
        metrics.accessToken("issued");
        ctx.json(AccessTokenResponse.from(token));
    }

    private static ConnectionId id(Context ctx) {
        return ConnectionId.parse(ctx.pathParam("id"));
    }
}
