package io.cioconnect.adapter.persistence.crypto;

/**
 * A stored ciphertext could not be decrypted: tampered with, copied from another row or column, or made
 * with another key of the same id. The message names the column and the key id, never the data.
 */
public class DecryptionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final EncryptedColumn column;

    public DecryptionFailedException(EncryptedColumn column, String keyId, String message, Throwable cause) {
        super(message, cause);
        this.keyId = keyId;
        this.column = column;
    }

    static DecryptionFailedException rejected(EncryptedColumn column, String keyId, Throwable cause) {
        return new DecryptionFailedException(column, keyId, "cannot decrypt " + column + " with key '" + keyId
                + "': the ciphertext was altered, belongs to another row or column, or the key is not the one it was made with",
                cause);
    }

    static DecryptionFailedException malformed(EncryptedColumn column) {
        return new DecryptionFailedException(column, null,
                "cannot decrypt " + column + ": the value is not a v1 envelope (v1:<kid>:<base64>)", null);
    }

    /** The id of the key named by the envelope, or {@code null} when the envelope could not be read. */
    public String keyId() {
        return keyId;
    }

    public EncryptedColumn column() {
        return column;
    }
}
