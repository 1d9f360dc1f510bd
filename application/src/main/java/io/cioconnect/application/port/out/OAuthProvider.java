package io.cioconnect.application.port.out;

import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceChallenge;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.State;
import java.net.URI;
import java.time.Duration;

/**
 * Out-port: one configured OAuth 2.0 authorization server. Implementations never throw for what a
 * provider may do (errors, timeouts, garbage): they answer typed results, whose texts carry no secret.
 */
public interface OAuthProvider {

    ProviderDescriptor descriptor();

    /** The URL to send the browser to for this authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
    URI authorizeUrl(AuthorizationRequest request);

    /**
     * Makes an authorization request ready: its URL, the issuer the callback must name, the scopes asked for.
     * A provider that discovers its endpoints or registers its client at run time does it here, and may be
     * unavailable; the others answer {@link #authorizeUrl} with their descriptor's issuer.
     */
    default PreparedAuthorization prepare(AuthorizationRequest request) {
        return new PreparedAuthorization.Ready(authorizeUrl(request), descriptor().issuer(), request.scopes());
    }

    /** Exchanges a code for tokens (RFC 6749 §4.1.3). Never retried once the request may have been received. */
    TokenResult exchangeCode(AuthorizationCode code, PkceVerifier verifier, URI redirectUri);

    /**
     * Refreshes (RFC 6749 §6), asking again for {@code scopes}. Retried on passing failures whose outcome is
     * known, never after a request that may have reached the provider (it may have rotated the token).
     * Returns within {@link #refreshTimeLimit()}.
     */
    TokenResult refresh(RefreshToken refreshToken, Scopes scopes);

    /** The longest {@link #refresh} can take, retries and waits included: a refresh lease outlasts it. */
    Duration refreshTimeLimit();

    /** Revokes a token (RFC 7009). Only called when {@link ProviderDescriptor#supportsRevocation()}. */
    RevocationResult revoke(RevocableToken token);

    /** What goes into an authorization request besides the provider's own settings. */
    record AuthorizationRequest(State state, PkceChallenge challenge,
            Scopes scopes, URI redirectUri) {
    }
}
