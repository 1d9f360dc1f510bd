package io.cioconnect.application.port.out;

import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * An authorization request a provider has made ready, or why it could not: a provider that learns its
 * endpoints and its client at run time (an MCP server's authorization server) may be unreachable then.
 */
public sealed interface PreparedAuthorization permits PreparedAuthorization.Ready, PreparedAuthorization.Unavailable {

    /** The value of the one function that handles this kind of result; every kind must be handled. */
    <T> T fold(Function<Ready, T> ready, Function<Unavailable, T> unavailable);

    /**
     * Where to send the browser, the issuer whose {@code iss} the callback must carry (when known) and the
     * scopes actually asked for, which the flow records as its request.
     */
    record Ready(URI authorizeUrl, ExpectedIssuer issuer, Scopes scopes) implements PreparedAuthorization {
        public Ready {
            Objects.requireNonNull(authorizeUrl, "authorizeUrl");
            Objects.requireNonNull(scopes, "scopes");
        }

        @Override
        public <T> T fold(Function<Ready, T> ready, Function<Unavailable, T> unavailable) {
            return ready.apply(this);
        }
    }

    /** Nothing can be asked of the provider now; the failure's detail is for operators. */
    record Unavailable(ProviderFailure failure) implements PreparedAuthorization {
        public Unavailable {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <T> T fold(Function<Ready, T> ready, Function<Unavailable, T> unavailable) {
            return unavailable.apply(this);
        }
    }
}
