package io.cioconnect.domain;

/** An OAuth client secret that identifies this service to a provider. Its {@code toString()} never prints the value. */
public record ClientSecret(String value) {

    public ClientSecret {
        Secrets.requireValue(value, "ClientSecret");
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
