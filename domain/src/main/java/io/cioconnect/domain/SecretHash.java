package io.cioconnect.domain;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a high-entropy secret (ticket, state, browser binding): what we store and look up
 * instead of the secret itself, so a copy of the database cannot replay a flow.
 */
public record SecretHash(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SecretHash {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("SecretHash must be 64 lower-case hex digits");
        }
    }

    /** Hashes a secret value. */
    public static SecretHash of(String secret) {
        return new SecretHash(HexFormat.of().formatHex(Secrets.sha256(Secrets.requireValue(secret, "secret"))));
    }
}
