package io.cioconnect.devsandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON answers of the sandbox's endpoints: RFC 6749 §5.1 token responses and §5.2 errors, never cached.
 * Written with its own mapper so the application's JSON settings cannot change the wire format.
 */
final class TokenJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenJson() {
    }

    static void tokens(Context ctx, SandboxState.IssuedTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.expiresIn().toSeconds());
        body.put("refresh_token", tokens.refreshToken());
        body.put("scope", tokens.scopes().render());
        send(ctx, 200, body);
    }

    static void error(Context ctx, OAuthProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.error());
        body.put("error_description", problem.description());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"sandbox\"");
        }
        send(ctx, problem.status(), body);
    }

    static void send(Context ctx, int status, Object body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.status(status).contentType("application/json").result(json);
    }
}
