package io.cioconnect.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/** Helpers shared by the secret-bearing value types: validation, encoding and hashing. */
public final class Secrets {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** Rejects null and blank values without ever putting the value into the message. */
    public static String requireValue(String value, String typeName) {
        Objects.requireNonNull(value, typeName + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(typeName + " must not be blank");
        }
        return value;
    }

    /** Base64url without padding, the encoding of RFC 7636 and of every random value we mint. */
    public static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** SHA-256 of the UTF-8 bytes of a value. */
    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Fails unless the random input carries at least {@code minBytes} bytes of entropy. */
    public static byte[] requireEntropy(byte[] random, int minBytes, String typeName) {
        Objects.requireNonNull(random, typeName + " randomness must not be null");
        if (random.length < minBytes) {
            throw new IllegalArgumentException(typeName + " needs at least " + minBytes + " random bytes");
        }
        return random.clone();
    }
}
