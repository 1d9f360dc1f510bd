package io.cioconnect.domain;

/** The single-use ticket inside a {@code connect_url}; only its hash is stored. Its {@code toString()} never prints the value. */
public record ConnectTicket(String value) {

    /** Random bytes a fresh value is minted from: 32 bytes, i.e. 256 bits. */
    public static final int RANDOM_BYTES = 32;

    public ConnectTicket {
        Secrets.requireValue(value, "ConnectTicket");
    }

    /** Mints a value from fresh {@code SecureRandom} bytes (at least {@link #RANDOM_BYTES} of them). */
    public static ConnectTicket fromRandom(byte[] random) {
        return new ConnectTicket(Secrets.base64Url(Secrets.requireEntropy(random, RANDOM_BYTES, "ConnectTicket")));
    }

    /** The hash under which this value is stored and looked up. */
    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "ConnectTicket[redacted]";
    }
}
