package io.cioconnect.adapter.persistence.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts column values with AES-256-GCM under the ring's current key: a fresh 96-bit nonce from
 * {@link SecureRandom} per encryption, and associated data naming the envelope version, key id, table,
 * column and row id, so a ciphertext copied to another row or column does not decrypt.
 */
public final class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyRing keys;
    private final SecureRandom random;

    public FieldCipher(KeyRing keys) {
        this(keys, new SecureRandom());
    }

    FieldCipher(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The envelope of {@code plaintext} for this column of the row with this id. */
    public String encrypt(String plaintext, EncryptedColumn column, String rowId) {
        Objects.requireNonNull(plaintext, "plaintext");
        EncryptionKey key = keys.current();
        byte[] nonce = new byte[Envelope.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(Envelope.TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData(key.id(), column, rowId));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(nonce, nonce.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, nonce.length, ciphertext.length);
            return new Envelope(key.id(), sealed).format();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The plaintext of an envelope stored in this column of the row with this id. */
    public String decrypt(String stored, EncryptedColumn column, String rowId) {
        Envelope envelope = Envelope.parse(stored, column);
        EncryptionKey key = keys.find(envelope.keyId())
                .orElseThrow(() -> new UnknownEncryptionKeyException(column, envelope.keyId()));
        byte[] sealed = envelope.sealed();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(Envelope.TAG_BYTES * 8, sealed, 0, Envelope.NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), column, rowId));
            byte[] plaintext = cipher.doFinal(sealed, Envelope.NONCE_BYTES, sealed.length - Envelope.NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw DecryptionFailedException.rejected(column, key.id(), e);
        }
    }

    /** True when the stored envelope was made with the current key (so {@code rekey} can leave it alone). */
    public boolean isCurrent(String stored) {
        return keys.current().id().equals(Envelope.keyIdOf(stored));
    }

    /** The id of the key new envelopes are made with. */
    public String currentKeyId() {
        return keys.current().id();
    }

    private static byte[] associatedData(String keyId, EncryptedColumn column, String rowId) {
        Objects.requireNonNull(rowId, "rowId");
        String binding = Envelope.VERSION + "|" + keyId + "|" + column.table() + "|" + column.column() + "|" + rowId;
        return binding.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FieldCipher[" + keys + "]";
    }
}
