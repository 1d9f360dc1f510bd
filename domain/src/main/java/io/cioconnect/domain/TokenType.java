package io.cioconnect.domain;

import java.util.Optional;

/** The access token types this service can hand out. Only Bearer (RFC 6750) is supported. */
public enum TokenType {
    BEARER("Bearer");

    private final String wireName;

    TokenType(String wireName) {
        this.wireName = wireName;
    }

    /** The canonical spelling, as returned to host applications. */
    public String wireName() {
        return wireName;
    }

    /** Parses a provider's {@code token_type}, case-insensitively (RFC 6749 §5.1); unknown types are empty. */
    public static Optional<TokenType> parse(String value) {
        for (TokenType type : values()) {
            if (type.wireName.equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
