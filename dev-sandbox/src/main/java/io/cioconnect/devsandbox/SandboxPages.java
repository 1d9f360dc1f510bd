package io.cioconnect.devsandbox;

import io.javalin.http.Context;
import java.net.URI;

/**
 * The sandbox's HTML: the consent page with Allow and Deny, and the page for requests it refuses to
 * redirect. No script and no inline style; every value that came from outside is escaped.
 */
final class SandboxPages {

    static final String STYLESHEET = SandboxAuthorizationServer.PATH + "/sandbox.css";
    private static final String ERROR_PAGE_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The consent page names the client, how it identified itself, and the host the code will go to (the MCP
     * specification asks authorization servers to show it, against localhost impersonation).
     */
    void consent(Context ctx, AuthorizationRequest request, String requestId) {
        String client = Html.escape(request.client().name());
        String scopeList = Html.escape(request.scopes().render());
        StringBuilder items = new StringBuilder();
        for (String scope : request.scopes().values()) {
            items.append("      <li><code>").append(Html.escape(scope)).append("</code></li>\n");
        }
        String resource = request.resource() == null ? "" : "      <p>For the resource <code>"
                + Html.escape(request.resource()) + "</code>.</p>\n";
        String body = """
                  <p class="badge">Sandbox provider · dev mode only · nothing leaves this machine</p>
                  <h1 id="consent-title">Sandbox provider — %s wants access (%s)</h1>
                  <p>If you allow it, <strong>%s</strong> receives tokens for these scopes:</p>
                  <ul class="scopes">
                %s  </ul>
                %s  <p id="client-identity">Client identity: <strong>%s</strong> · the answer goes to <code>%s</code></p>
                  <p class="hint">The tokens are made up by this process and live only in its memory.</p>
                  <form method="post" action="%s/authorize" class="actions">
                    <input type="hidden" name="request_id" value="%s">
                    <button type="submit" id="deny" name="decision" value="deny" class="secondary">Deny</button>
                    <button type="submit" id="allow" name="decision" value="allow" class="primary">Allow</button>
                  </form>
                """.formatted(client, scopeList, client, items, resource, request.client().identity().label(),
                Html.escape(SandboxClient.hostOf(request.redirectUri())), SandboxAuthorizationServer.PATH,
                Html.escape(requestId));
        render(ctx, 200, "Sandbox provider — authorize", body, consentPolicy(request.redirectUri()));
    }

    /** Chromium applies form-action to the redirect that follows the form, so the callback's origin is listed. */
    private static String consentPolicy(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return "default-src 'none'; style-src 'self'; form-action 'self' " + uri.getScheme() + "://"
                + uri.getRawAuthority() + "; base-uri 'none'; frame-ancestors 'none'";
    }

    /** A refusal shown to the user, never sent to a redirect URI that could not be trusted. */
    void error(Context ctx, int status, String message) {
        String body = """
                  <p class="badge">Sandbox provider · dev mode only</p>
                  <h1 id="error-title">This authorization request cannot be completed</h1>
                  <p class="error">%s</p>
                  <p class="hint">Start again from the application that sent you here.</p>
                """.formatted(Html.escape(message));
        render(ctx, status, "Sandbox provider — error", body, ERROR_PAGE_POLICY);
    }

    private static void render(Context ctx, int status, String title, String body, String policy) {
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main class="card">
                %s</main>
                </body>
                </html>
                """.formatted(Html.escape(title), STYLESHEET, body);
        ctx.header("Content-Security-Policy", policy);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
