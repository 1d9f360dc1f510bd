package io.cioconnect.devsandbox;

import io.javalin.http.Context;

/**
 * {@code GET /sandbox/authorize} shows the consent page for a valid request; {@code POST} takes the
 * user's decision. A request whose client or redirect URI does not match the registered ones gets an
 * error page: redirecting it would make the sandbox an open redirector (RFC 6749 §4.1.2.1).
 */
final class AuthorizeEndpoint {

    private final SandboxSettings settings;
    private final SandboxState state;
    private final SandboxClients clients;
    private final Resources resources;
    private final SandboxPages pages = new SandboxPages();
    private final AuthorizationRedirect redirect;

    AuthorizeEndpoint(SandboxSettings settings, SandboxState state, SandboxClients clients, Resources resources) {
        this.settings = settings;
        this.state = state;
        this.clients = clients;
        this.resources = resources;
        this.redirect = new AuthorizationRedirect(settings);
    }

    /** A client whose id is a URL has its metadata document fetched here, and its redirect URIs read from it. */
    void show(Context ctx) {
        FormParameters query;
        SandboxClient client;
        String redirectUri;
        try {
            query = FormParameters.ofQuery(ctx);
            client = clients.find(query.required("client_id"))
                    .orElseThrow(() -> OAuthProblem.invalidRequest("client_id is not a client of the sandbox"));
            redirectUri = query.required("redirect_uri");
            if (!client.redirectUris().contains(redirectUri)) {
                throw OAuthProblem.invalidRequest("redirect_uri is not one registered for this client");
            }
        } catch (OAuthProblem untrusted) {
            pages.error(ctx, 400, untrusted.description());
            return;
        }
        String requestState = null;
        try {
            requestState = query.optional("state");
            AuthorizationRequest request = AuthorizationRequest.read(query, client, redirectUri, requestState,
                    settings.scopes(), resources);
            pages.consent(ctx, request, state.awaitConsent(request));
        } catch (OAuthProblem problem) {
            redirect.error(ctx, redirectUri, problem, requestState);
        }
    }

    void decide(Context ctx) {
        String requestId;
        String decision;
        try {
            FormParameters form = FormParameters.ofBody(ctx);
            requestId = form.required("request_id");
            decision = form.required("decision");
        } catch (OAuthProblem problem) {
            pages.error(ctx, 400, problem.description());
            return;
        }
        if (!decision.equals("allow") && !decision.equals("deny")) {
            pages.error(ctx, 400, "decision must be allow or deny");
            return;
        }
        AuthorizationRequest request = state.takeConsent(requestId).orElse(null);
        if (request == null) {
            pages.error(ctx, 400, "This authorization request is unknown, expired or already answered.");
            return;
        }
        if (decision.equals("allow")) {
            redirect.success(ctx, request.redirectUri(), state.issueCode(request), request.state());
        } else {
            redirect.error(ctx, request.redirectUri(), OAuthProblem.accessDenied(), request.state());
        }
    }
}
