package io.cioconnect.domain;

import java.util.regex.Pattern;

/**
 * The PKCE {@code code_verifier} of RFC 7636: 43 to 128 unreserved characters, kept secret until the
 * code exchange. Only the S256 challenge ever leaves the service before that.
 */
public record PkceVerifier(String value) {

    /** 32 random bytes give the 43-character verifier RFC 7636 §4.1 recommends. */
    public static final int RANDOM_BYTES = 32;

    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    public PkceVerifier {
        Secrets.requireValue(value, "PkceVerifier");
        if (!UNRESERVED.matcher(value).matches()) {
            throw new IllegalArgumentException("PkceVerifier must be 43 to 128 unreserved characters (RFC 7636 §4.1)");
        }
    }

    /** Mints a verifier from fresh {@code SecureRandom} bytes. */
    public static PkceVerifier fromRandom(byte[] random) {
        return new PkceVerifier(Secrets.base64Url(Secrets.requireEntropy(random, RANDOM_BYTES, "PkceVerifier")));
    }

    /** The S256 challenge: BASE64URL(SHA256(ASCII(verifier))). There is deliberately no {@code plain}. */
    public PkceChallenge challenge() {
        return new PkceChallenge(Secrets.base64Url(Secrets.sha256(value)));
    }

    @Override
    public String toString() {
        return "PkceVerifier[redacted]";
    }
}
