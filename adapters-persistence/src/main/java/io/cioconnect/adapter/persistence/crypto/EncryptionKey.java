package io.cioconnect.adapter.persistence.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** One AES-256 key and the id stored beside everything it encrypts. Its {@code toString()} never prints the key. */
public final class EncryptionKey {

    /** AES-256: 32 bytes. */
    public static final int KEY_BYTES = 32;

    /** Key ids travel inside envelopes, between colons, so they are short and plain. */
    static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String id;
    private final SecretKey key;

    private EncryptionKey(String id, SecretKey key) {
        this.id = id;
        this.key = key;
    }

    /** A key from its id and its 32 raw bytes (the bytes are copied). */
    public static EncryptionKey of(String id, byte[] keyBytes) {
        Objects.requireNonNull(keyBytes, "keyBytes");
        if (id == null || !ID_SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id is 1-32 characters from A-Z a-z 0-9 _ -");
        }
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("key '" + id + "' must be " + KEY_BYTES + " bytes");
        }
        return new EncryptionKey(id, new SecretKeySpec(keyBytes, "AES"));
    }

    /** A new random key. */
    public static EncryptionKey generate(String id, SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return of(id, bytes);
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    /**
     * The {@code <kid>:<base64 key>} entry of {@code ENCRYPTION_KEYS} for this key: the one place the key
     * leaves this type, for the {@code generate-key} command and the {@code dev} key file.
     */
    public String toEntry() {
        return id + ":" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Override
    public String toString() {
        return "EncryptionKey[id=" + id + ", redacted]";
    }
}
