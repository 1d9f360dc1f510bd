package io.cioconnect.adapter.persistence.crypto;

/** A stored ciphertext names a key id that {@code ENCRYPTION_KEYS} does not contain (it was removed too early). */
public final class UnknownEncryptionKeyException extends DecryptionFailedException {

    private static final long serialVersionUID = 1L;

    UnknownEncryptionKeyException(EncryptedColumn column, String keyId) {
        super(column, keyId, column + " was encrypted with key '" + keyId
                + "', which is not in ENCRYPTION_KEYS; add it back, then run rekey before removing it", null);
    }
}
