package io.cioconnect.devsandbox;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization response (RFC 6749 §4.1.2): a 302 to the registered redirect URI with its parameters
 * added to the query, always with the sandbox's {@code iss} (RFC 9207).
 */
final class AuthorizationRedirect {

    private final String issuer;

    AuthorizationRedirect(SandboxSettings settings) {
        this.issuer = settings.issuer().toString();
    }

    void success(Context ctx, String redirectUri, String code, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        send(ctx, redirectUri, parameters, state);
    }

    void error(Context ctx, String redirectUri, OAuthProblem problem, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", problem.error());
        parameters.put("error_description", problem.description());
        send(ctx, redirectUri, parameters, state);
    }

    private void send(Context ctx, String redirectUri, Map<String, String> parameters, String state) {
        if (state != null) {
            parameters.put("state", state);
        }
        parameters.put("iss", issuer);
        StringBuilder location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            location.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Location", location.toString());
        ctx.status(302);
    }
}
