package io.cioconnect.domain;

import java.util.Objects;

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

    @Override
    public String toString() {
        return "RevocableToken[" + hint.wireName() + ", redacted]";
    }
}
