package io.cioconnect.devsandbox;

import io.cioconnect.domain.Scopes;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox's tokens and keys open: a fake Customer.io App API check endpoint, which takes any
 * Bearer key starting with {@code sandbox-}, and a user-info resource, which takes a live access token.
 */
final class ProtectedResources {

    static final String SANDBOX_KEY_PREFIX = "sandbox-";
    private static final String WORKSPACES = "{\"workspaces\":[{\"id\":1,\"name\":\"Sandbox\"}]}";

    private final SandboxState state;

    ProtectedResources(SandboxState state) {
        this.state = state;
    }

    /** {@code GET /sandbox/app-api/v1/workspaces}, shaped like the App API answer a key check reads. */
    void workspaces(Context ctx) {
        String key = bearer(ctx);
        if (key == null || !key.startsWith(SANDBOX_KEY_PREFIX)) {
            unauthorized(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(WORKSPACES);
    }

    /** {@code GET /sandbox/userinfo}: lets a developer see that a token handed out by the service works. */
    void userInfo(Context ctx) {
        String token = bearer(ctx);
        Optional<Scopes> scopes = token == null ? Optional.empty()
                : state.accessTokenGrant(token).map(SandboxState.Grant::scopes);
        if (scopes.isEmpty()) {
            unauthorized(ctx);
            return;
        }
        TokenJson.send(ctx, 200, Map.of("sub", "sandbox-user", "scope", scopes.get().render()));
    }

    /** The Bearer token of the request (RFC 6750 §2.1), or {@code null}. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).trim();
        return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? null : value;
    }

    private static void unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"sandbox\"");
        TokenJson.send(ctx, 401, Map.of("error", "invalid_token"));
    }
}
