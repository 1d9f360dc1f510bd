package io.cioconnect.bootstrap;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/** Mints {@code ENCRYPTION_KEYS} entries: {@code <kid>:<base64 of 32 random bytes>}. */
final class EncryptionKeyGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptionKeyGenerator() {
    }

    /** A new entry whose key id says when it was made ({@code key-20261128-3f9a}), so rotations read well. */
    static String newEntry() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        String kid = "key-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + HexFormat.of().formatHex(suffix);
        return kid + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** A host API key secret: 32 random bytes, base64url. */
    static String newApiSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
