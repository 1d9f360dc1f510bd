package io.cioconnect.adapter.persistence.crypto;

import java.util.Base64;

/**
 * The stored form of a ciphertext: {@code v1:<kid>:<base64(nonce || ciphertext || tag)>}, with a 12-byte
 * nonce and a 16-byte GCM tag. The version prefix leaves room for another layout later.
 */
record Envelope(String keyId, byte[] sealed) {

    static final String VERSION = "v1";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    String format() {
        return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** Reads an envelope, failing with a {@link DecryptionFailedException} that never quotes the value. */
    static Envelope parse(String stored, EncryptedColumn column) {
        if (stored == null) {
            throw DecryptionFailedException.malformed(column);
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !EncryptionKey.ID_SHAPE.matcher(parts[1]).matches()) {
            throw DecryptionFailedException.malformed(column);
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw DecryptionFailedException.malformed(column);
        }
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw DecryptionFailedException.malformed(column);
        }
        return new Envelope(parts[1], sealed);
    }

    /** The key id of a stored envelope without decoding the rest, or {@code null} if it is not one. */
    static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(VERSION + ":")) {
            return null;
        }
        int end = stored.indexOf(':', VERSION.length() + 1);
        return end < 0 ? null : stored.substring(VERSION.length() + 1, end);
    }
}
