package io.cioconnect.domain;

import java.util.Objects;
import java.util.Optional;

/** A token to revoke at the provider (RFC 7009) with its {@code token_type_hint}. */
public record RevocableToken(String value, Hint hint) {

    /** The RFC 7009 §2.1 hints. */
    public enum Hint {
        REFRESH_TOKEN("refresh_token"), ACCESS_TOKEN("access_token");

        private final String wireName;

        Hint(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public RevocableToken {
        Secrets.requireValue(value, "RevocableToken");
        Objects.requireNonNull(hint, "hint");
    }

    /** Revoking the refresh token revokes the grant (RFC 7009 §2.1); the access token is the fallback. */
    public static RevocableToken bestOf(TokenSet tokens) {
        return tokens.optionalRefreshToken()
                .map(refresh -> new RevocableToken(refresh.value(), Hint.REFRESH_TOKEN))
                .orElseGet(() -> new RevocableToken(tokens.accessToken().value(), Hint.ACCESS_TOKEN));
    }

    /**
     * What to revoke when a reconnection replaces {@code replaced} with {@code fresh}: the replaced grant's
     * best token, unless the provider handed the same token out again (revoking it would break the new grant).
     */
    public static Optional<RevocableToken> ofReplaced(TokenSet replaced, TokenSet fresh) {
        RevocableToken old = bestOf(replaced);
        boolean reissued = old.value.equals(fresh.accessToken().value())
                || fresh.optionalRefreshToken().map(token -> old.value.equals(token.value())).orElse(false);
        return reissued ? Optional.empty() : Optional.of(old);
    }

    @Override
    public String toString() {
        return "RevocableToken[" + hint.wireName() + ", redacted]";
    }
}
