package io.cioconnect.adapter.customerio;

import java.util.Locale;
import java.util.Optional;

/** How a token request body is written: Customer.io's JSON body, or RFC 6749's form encoding. */
public enum TokenRequestFormat {
    /** {@code application/json}, as Customer.io's integration guide sends it. */
    JSON("json"),
    /** {@code application/x-www-form-urlencoded} (RFC 6749 §4.1.3, §6). */
    FORM("form");

    private final String wireName;

    TokenRequestFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used in {@code <ID>_TOKEN_REQUEST_FORMAT}. */
    public String wireName() {
        return wireName;
    }

    /** Parses the variable's value, case-insensitively; anything else is empty. */
    public static Optional<TokenRequestFormat> parse(String value) {
        for (TokenRequestFormat format : values()) {
            if (format.wireName.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
