package io.cioconnect.application.port.out;

import io.cioconnect.domain.TokenSet;
import java.util.Objects;
import java.util.function.Function;

/** The outcome of a token request: tokens, or a classified failure. */
public sealed interface TokenResult permits TokenResult.Issued, TokenResult.Failed {

    /** The value of the one function that handles this kind of result; every kind must be handled. */
    <T> T fold(Function<Issued, T> issued, Function<Failed, T> failed);

    /** The provider issued a valid token set. */
    record Issued(TokenSet tokens) implements TokenResult {
        public Issued {
            Objects.requireNonNull(tokens, "tokens");
        }

        @Override
        public <T> T fold(Function<Issued, T> issued, Function<Failed, T> failed) {
            return issued.apply(this);
        }
    }

    /** The request failed; see {@link ProviderFailure.Kind}. */
    record Failed(ProviderFailure failure) implements TokenResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <T> T fold(Function<Issued, T> issued, Function<Failed, T> failed) {
            return failed.apply(this);
        }
    }
}
