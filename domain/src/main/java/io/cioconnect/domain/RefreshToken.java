package io.cioconnect.domain;

/** An OAuth refresh token, the long-lived credential that mints new access tokens. Its {@code toString()} never prints the value. */
public record RefreshToken(String value) {

    public RefreshToken {
        Secrets.requireValue(value, "RefreshToken");
    }

    @Override
    public String toString() {
        return "RefreshToken[redacted]";
    }
}
