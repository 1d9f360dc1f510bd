package io.cioconnect.devsandbox;

/**
 * An OAuth 2.0 error answer of the sandbox (RFC 6749 §4.1.2.1 and §5.2, RFC 7591 §3.2.2, RFC 8707 §2): the
 * {@code error} code, a description that never holds a submitted value, and the HTTP status of a direct answer.
 * Caught by the sandbox's own handlers, so it never reaches the application's exception mapping.
 */
final class OAuthProblem extends RuntimeException {

    private final String error;
    private final int status;

    private OAuthProblem(String error, String description, int status) {
        super(description, null, false, false); // a flow signal, not a fault: no stack trace to fill
        this.error = error;
        this.status = status;
    }

    static OAuthProblem invalidRequest(String description) {
        return new OAuthProblem("invalid_request", description, 400);
    }

    static OAuthProblem invalidClient(String description) {
        return new OAuthProblem("invalid_client", description, 401);
    }

    static OAuthProblem invalidGrant(String description) {
        return new OAuthProblem("invalid_grant", description, 400);
    }

    static OAuthProblem invalidScope(String description) {
        return new OAuthProblem("invalid_scope", description, 400);
    }

    static OAuthProblem unsupportedGrantType(String description) {
        return new OAuthProblem("unsupported_grant_type", description, 400);
    }

    static OAuthProblem accessDenied() {
        return new OAuthProblem("access_denied", "the user denied the request", 400);
    }

    /** RFC 8707 §2: the requested resource is not one this server issues tokens for. */
    static OAuthProblem invalidTarget(String description) {
        return new OAuthProblem("invalid_target", description, 400);
    }

    /** RFC 7591 §3.2.2. */
    static OAuthProblem invalidRedirectUri(String description) {
        return new OAuthProblem("invalid_redirect_uri", description, 400);
    }

    /** RFC 7591 §3.2.2. */
    static OAuthProblem invalidClientMetadata(String description) {
        return new OAuthProblem("invalid_client_metadata", description, 400);
    }

    static OAuthProblem unsupportedResponseType(String description) {
        return new OAuthProblem("unsupported_response_type", description, 400);
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }

    int status() {
        return status;
    }
}
