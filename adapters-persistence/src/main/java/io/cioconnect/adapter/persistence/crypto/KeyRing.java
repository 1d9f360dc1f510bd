package io.cioconnect.adapter.persistence.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encryption keys in force: the first encrypts, every one decrypts, so keys can rotate without
 * downtime. Read from {@code ENCRYPTION_KEYS} ({@code kid:base64key[,kid:base64key...]}).
 */
public final class KeyRing {

    private static final String VARIABLE = "ENCRYPTION_KEYS";

    private final Map<String, EncryptionKey> keys;
    private final EncryptionKey current;

    private KeyRing(List<EncryptionKey> ordered) {
        Map<String, EncryptionKey> byId = new LinkedHashMap<>();
        for (EncryptionKey key : ordered) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new InvalidKeyRingException(List.of(VARIABLE + " names key '" + key.id() + "' twice"));
            }
        }
        this.keys = byId;
        this.current = ordered.get(0);
    }

    /** A ring of the given keys; the first one encrypts. */
    public static KeyRing of(EncryptionKey first, EncryptionKey... more) {
        List<EncryptionKey> ordered = new ArrayList<>();
        ordered.add(first);
        ordered.addAll(List.of(more));
        return new KeyRing(ordered);
    }

    /** Parses {@code ENCRYPTION_KEYS}, reporting every problem at once without echoing any key material. */
    public static KeyRing parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidKeyRingException(List.of(VARIABLE + " is empty; expected kid:base64key[,kid:base64key...]"));
        }
        List<String> problems = new ArrayList<>();
        List<EncryptionKey> parsed = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            parseEntry(entries[i].strip(), i + 1, problems, seen).ifPresent(parsed::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidKeyRingException(problems);
        }
        return new KeyRing(parsed);
    }

    private static Optional<EncryptionKey> parseEntry(String entry, int position, List<String> problems, List<String> seen) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            problems.add(VARIABLE + " entry " + position + " is not of the form kid:base64key");
            return Optional.empty();
        }
        String id = entry.substring(0, colon);
        if (!EncryptionKey.ID_SHAPE.matcher(id).matches()) {
            // The id is not echoed: a mangled entry may have the key where the id should be.
            problems.add(VARIABLE + " entry " + position + " has an invalid key id (1-32 characters from A-Z a-z 0-9 _ -)");
            return Optional.empty();
        }
        if (seen.contains(id)) {
            problems.add(VARIABLE + " names key '" + id + "' twice");
            return Optional.empty();
        }
        seen.add(id);
        Optional<byte[]> bytes = decodeBase64(entry.substring(colon + 1).strip());
        if (bytes.isEmpty()) {
            problems.add(VARIABLE + " key '" + id + "' is not valid Base64");
            return Optional.empty();
        }
        if (bytes.get().length != EncryptionKey.KEY_BYTES) {
            problems.add(VARIABLE + " key '" + id + "' is " + bytes.get().length + " bytes; AES-256 needs "
                    + EncryptionKey.KEY_BYTES);
            return Optional.empty();
        }
        return Optional.of(EncryptionKey.of(id, bytes.get()));
    }

    private static Optional<byte[]> decodeBase64(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notStandard) {
            try {
                return Optional.of(Base64.getUrlDecoder().decode(text));
            } catch (IllegalArgumentException notUrlSafe) {
                return Optional.empty();
            }
        }
    }

    /** The key new ciphertexts are made with. */
    public EncryptionKey current() {
        return current;
    }

    /** The key with this id, if it is in the ring. */
    public Optional<EncryptionKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** The key ids, current first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", keys=" + keyIds() + ", redacted]";
    }
}
