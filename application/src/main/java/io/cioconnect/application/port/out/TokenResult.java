package io.cioconnect.application.port.out;

import io.cioconnect.domain.TokenSet;
import java.util.Objects;

/** The outcome of a token request: tokens, or a classified failure. */
public sealed interface TokenResult permits TokenResult.Issued, TokenResult.Failed {

    /** The provider issued a valid token set. */
    record Issued(TokenSet tokens) implements TokenResult {
        public Issued {
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** The request failed; see {@link ProviderFailure.Kind}. */
    record Failed(ProviderFailure failure) implements TokenResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
