package io.cioconnect.adapter.customerio;

import java.util.Locale;
import java.util.Optional;

/** How this service authenticates itself at the token and revocation endpoints (RFC 6749 §2.3.1). */
public enum ClientAuthMethod {
    /** {@code client_id} and {@code client_secret} in the request body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** HTTP Basic with the form-url-encoded id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used in {@code <ID>_CLIENT_AUTH} (and in RFC 8414 metadata). */
    public String wireName() {
        return wireName;
    }

    /** Parses the variable's value, case-insensitively; anything else is empty. */
    public static Optional<ClientAuthMethod> parse(String value) {
        for (ClientAuthMethod method : values()) {
            if (method.wireName.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
