package io.cioconnect.adapter.persistence.testing;

import io.cioconnect.adapter.persistence.crypto.EncryptionKey;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import java.security.SecureRandom;

/** Encryption keys for tests, random per JVM. */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static final EncryptionKey KEY_A = EncryptionKey.generate("key-a", RANDOM);
    public static final EncryptionKey KEY_B = EncryptionKey.generate("key-b", RANDOM);

    private TestKeys() {
    }

    /** A ring with {@link #KEY_A} alone. */
    public static KeyRing ring() {
        return KeyRing.of(KEY_A);
    }
}
