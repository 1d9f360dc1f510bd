package io.cioconnect.domain;

/**
 * The single-use anti-forgery token of an App API key form, posted back with the form; only its hash is
 * stored. Its {@code toString()} never prints the value.
 */
public record FormToken(String value) {

    /** Random bytes a fresh value is minted from: 32 bytes, i.e. 256 bits. */
    public static final int RANDOM_BYTES = 32;

    public FormToken {
        Secrets.requireValue(value, "FormToken");
    }

    /** Mints a value from fresh {@code SecureRandom} bytes (at least {@link #RANDOM_BYTES} of them). */
    public static FormToken fromRandom(byte[] random) {
        return new FormToken(Secrets.base64Url(Secrets.requireEntropy(random, RANDOM_BYTES, "FormToken")));
    }

    /** The hash under which this value is stored and looked up. */
    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "FormToken[redacted]";
    }
}
