package io.cioconnect.domain;

/** The cookie value that ties a pending authorization to the browser that started it. Its {@code toString()} never prints the value. */
public record BrowserBinding(String value) {

    /** Random bytes a fresh value is minted from: 32 bytes, i.e. 256 bits. */
    public static final int RANDOM_BYTES = 32;

    public BrowserBinding {
        Secrets.requireValue(value, "BrowserBinding");
    }

    /** Mints a value from fresh {@code SecureRandom} bytes (at least {@link #RANDOM_BYTES} of them). */
    public static BrowserBinding fromRandom(byte[] random) {
        return new BrowserBinding(Secrets.base64Url(Secrets.requireEntropy(random, RANDOM_BYTES, "BrowserBinding")));
    }

    /** The hash under which this value is stored and looked up. */
    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "BrowserBinding[redacted]";
    }
}
