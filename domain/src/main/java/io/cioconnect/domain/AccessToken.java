package io.cioconnect.domain;

/** An OAuth access token (or an App API key) that a host application presents to the provider. Its {@code toString()} never prints the value. */
public record AccessToken(String value) {

    public AccessToken {
        Secrets.requireValue(value, "AccessToken");
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
