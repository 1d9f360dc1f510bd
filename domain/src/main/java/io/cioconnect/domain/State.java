package io.cioconnect.domain;

/** The OAuth {@code state} parameter of one authorization request; only its hash is stored. Its {@code toString()} never prints the value. */
public record State(String value) {

    /** Random bytes a fresh value is minted from: 32 bytes, i.e. 256 bits. */
    public static final int RANDOM_BYTES = 32;

    public State {
        Secrets.requireValue(value, "State");
    }

    /** Mints a value from fresh {@code SecureRandom} bytes (at least {@link #RANDOM_BYTES} of them). */
    public static State fromRandom(byte[] random) {
        return new State(Secrets.base64Url(Secrets.requireEntropy(random, RANDOM_BYTES, "State")));
    }

    /** The hash under which this value is stored and looked up. */
    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "State[redacted]";
    }
}
