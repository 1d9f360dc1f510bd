package io.cioconnect.adapter.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String base64Key(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void readsEveryKeyAndEncryptsWithTheFirst() {
        KeyRing ring = KeyRing.parse("new:" + base64Key(32) + ", old:" + base64Key(32));

        assertThat(ring.current().id()).isEqualTo("new");
        assertThat(ring.keyIds()).containsExactly("new", "old");
        assertThat(ring.find("old")).isPresent();
        assertThat(ring.find("gone")).isEmpty();
    }

    @Test
    void acceptsUrlSafeBase64() {
        String urlSafe = base64Key(32).replace('+', '-').replace('/', '_');

        assertThat(KeyRing.parse("k1:" + urlSafe).current().id()).isEqualTo("k1");
    }

    @Test
    void readsBackTheEntryAGeneratedKeyPrints() {
        EncryptionKey generated = EncryptionKey.generate("fresh", RANDOM);

        KeyRing ring = KeyRing.parse(generated.toEntry());

        assertThat(ring.current().id()).isEqualTo("fresh");
        assertThat(ring.current().secretKey().getEncoded()).isEqualTo(generated.secretKey().getEncoded());
    }

    @Test
    void reportsEveryProblemWithoutEchoingKeyMaterial() {
        String shortKey = base64Key(16);
        String keyAsId = base64Key(32);
        String value = "short:" + shortKey + ",nocolon," + keyAsId + ":" + base64Key(32) + ",bad:%%%,short:" + base64Key(32);

        InvalidKeyRingException e = catchThrowableOfType(InvalidKeyRingException.class, () -> KeyRing.parse(value));

        assertThat(e.problems()).containsExactly(
                "ENCRYPTION_KEYS key 'short' is 16 bytes; AES-256 needs 32",
                "ENCRYPTION_KEYS entry 2 is not of the form kid:base64key",
                "ENCRYPTION_KEYS entry 3 has an invalid key id (1-32 characters from A-Z a-z 0-9 _ -)",
                "ENCRYPTION_KEYS key 'bad' is not valid Base64",
                "ENCRYPTION_KEYS names key 'short' twice");
        assertThat(e.getMessage()).doesNotContain(shortKey).doesNotContain(keyAsId.substring(0, 20));
    }

    @Test
    void refusesAnEmptyValue() {
        InvalidKeyRingException e = catchThrowableOfType(InvalidKeyRingException.class, () -> KeyRing.parse("  "));

        assertThat(e.getMessage()).isEqualTo("ENCRYPTION_KEYS is empty; expected kid:base64key[,kid:base64key...]");
    }

    @Test
    void printsKeyIdsButNeverKeys() {
        EncryptionKey key = EncryptionKey.generate("k1", RANDOM);
        String material = Base64.getEncoder().encodeToString(key.secretKey().getEncoded());

        assertThat(key.toString()).isEqualTo("EncryptionKey[id=k1, redacted]");
        assertThat(KeyRing.of(key).toString()).contains("k1").doesNotContain(material);
        assertThat(new FieldCipher(KeyRing.of(key)).toString()).doesNotContain(material);
    }
}
