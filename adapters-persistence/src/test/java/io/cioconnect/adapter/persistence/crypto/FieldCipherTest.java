package io.cioconnect.adapter.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EncryptionKey OLD = EncryptionKey.generate("old", RANDOM);
    private static final EncryptionKey NEW = EncryptionKey.generate("new", RANDOM);
    private static final EncryptedColumn ACCESS = new EncryptedColumn("connections", "access_token");
    private static final EncryptedColumn REFRESH = new EncryptedColumn("connections", "refresh_token");
    private static final String ROW = UUID.randomUUID().toString();
    private static final String SECRET = "access-token-plaintext-ü";

    private final FieldCipher cipher = new FieldCipher(KeyRing.of(OLD));

    @Test
    void decryptsWhatItEncryptedForTheSameRowAndColumn() {
        String envelope = cipher.encrypt(SECRET, ACCESS, ROW);

        assertThat(cipher.decrypt(envelope, ACCESS, ROW)).isEqualTo(SECRET);
    }

    @Test
    void writesAVersionedEnvelopeNamingTheKeyWithANonceAndTag() {
        String envelope = cipher.encrypt(SECRET, ACCESS, ROW);

        assertThat(envelope).startsWith("v1:old:").doesNotContain(SECRET);
        byte[] sealed = Base64.getDecoder().decode(envelope.substring("v1:old:".length()));
        assertThat(sealed).hasSize(Envelope.NONCE_BYTES + SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + Envelope.TAG_BYTES);
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        Set<String> nonces = new HashSet<>();
        Set<String> envelopes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String envelope = cipher.encrypt(SECRET, ACCESS, ROW);
            envelopes.add(envelope);
            byte[] sealed = Envelope.parse(envelope, ACCESS).sealed();
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sealed, Envelope.NONCE_BYTES)));
        }

        assertThat(nonces).hasSize(2000);
        assertThat(envelopes).hasSize(2000);
    }

    @Test
    void refusesAnEnvelopeWithAnyByteChanged() {
        String envelope = cipher.encrypt(SECRET, ACCESS, ROW);
        byte[] sealed = Envelope.parse(envelope, ACCESS).sealed();
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String forged = new Envelope("old", tampered).format();

            assertThatThrownBy(() -> cipher.decrypt(forged, ACCESS, ROW))
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void refusesACiphertextMovedToAnotherRowOrColumn() {
        String envelope = cipher.encrypt(SECRET, ACCESS, ROW);

        DecryptionFailedException otherRow = catchThrowableOfType(DecryptionFailedException.class,
                () -> cipher.decrypt(envelope, ACCESS, UUID.randomUUID().toString()));
        DecryptionFailedException otherColumn = catchThrowableOfType(DecryptionFailedException.class,
                () -> cipher.decrypt(envelope, REFRESH, ROW));

        assertThat(otherRow.keyId()).isEqualTo("old");
        assertThat(otherRow.column()).isEqualTo(ACCESS);
        assertThat(otherRow.getMessage()).contains("connections.access_token", "'old'").doesNotContain(SECRET)
                .doesNotContain(envelope.substring(7, 20));
        assertThat(otherColumn.column()).isEqualTo(REFRESH);
    }

    @Test
    void refusesAnEnvelopeWhoseKeyIdWasSwapped() {
        FieldCipher both = new FieldCipher(KeyRing.of(NEW, OLD));
        String envelope = both.encrypt(SECRET, ACCESS, ROW);

        assertThatThrownBy(() -> both.decrypt(envelope.replace("v1:new:", "v1:old:"), ACCESS, ROW))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void decryptsWithAnyKeyOfTheRingAndEncryptsWithTheFirst() {
        String underOld = cipher.encrypt(SECRET, ACCESS, ROW);
        FieldCipher rotated = new FieldCipher(KeyRing.of(NEW, OLD));

        assertThat(rotated.decrypt(underOld, ACCESS, ROW)).isEqualTo(SECRET);
        assertThat(rotated.isCurrent(underOld)).isFalse();
        assertThat(rotated.isCurrent(rotated.encrypt(SECRET, ACCESS, ROW))).isTrue();
    }

    @Test
    void namesAKeyIdMissingFromTheRing() {
        String underOld = cipher.encrypt(SECRET, ACCESS, ROW);
        FieldCipher newOnly = new FieldCipher(KeyRing.of(NEW));

        UnknownEncryptionKeyException e = catchThrowableOfType(UnknownEncryptionKeyException.class,
                () -> newOnly.decrypt(underOld, ACCESS, ROW));

        assertThat(e.keyId()).isEqualTo("old");
        assertThat(e.getMessage()).contains("'old'", "connections.access_token", "ENCRYPTION_KEYS");
    }

    @Test
    void refusesValuesThatAreNotEnvelopes() {
        for (String stored : new String[] {SECRET, "v2:old:AAAA", "v1:old", "v1:old:not base64!", "v1:old:AAAA", "v1::AAAA"}) {
            DecryptionFailedException e = catchThrowableOfType(DecryptionFailedException.class,
                    () -> cipher.decrypt(stored, ACCESS, ROW));

            assertThat(e.getMessage()).contains("not a v1 envelope").doesNotContain(SECRET);
        }
    }
}
