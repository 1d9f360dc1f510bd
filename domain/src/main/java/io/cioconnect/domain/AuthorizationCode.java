package io.cioconnect.domain;

/** The single-use authorization code the provider hands the browser on the callback. Its {@code toString()} never prints the value. */
public record AuthorizationCode(String value) {

    public AuthorizationCode {
        Secrets.requireValue(value, "AuthorizationCode");
    }

    @Override
    public String toString() {
        return "AuthorizationCode[redacted]";
    }
}
