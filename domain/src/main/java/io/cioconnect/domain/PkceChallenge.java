package io.cioconnect.domain;

/** The S256 {@code code_challenge} sent on the authorization request; public by design. */
public record PkceChallenge(String value) {

    /** The only method this service speaks (RFC 9700 §2.1.1: never {@code plain}). */
    public static final String METHOD = "S256";

    public PkceChallenge {
        Secrets.requireValue(value, "PkceChallenge");
    }
}
