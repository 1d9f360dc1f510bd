package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RevocableToken;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code pending_revocations}; the token is an encryption envelope bound to the row's id. */
public record RevocationRow(UUID id, String provider, String token, String tokenTypeHint, int attempts, Instant nextAttemptAt,
        String lastError) {

    static final EncryptedColumn TOKEN = new EncryptedColumn("pending_revocations", "token");

    static RevocationRow from(PendingRevocation revocation, FieldCipher cipher) {
        return new RevocationRow(revocation.id(), revocation.provider().value(),
                cipher.encrypt(revocation.token().value(), TOKEN, revocation.id().toString()),
                revocation.token().hint().wireName(), revocation.attempts(), revocation.nextAttemptAt(),
                revocation.lastError());
    }

    PendingRevocation toDomain(FieldCipher cipher) {
        RevocableToken revocable = new RevocableToken(cipher.decrypt(token, TOKEN, id.toString()), hint(tokenTypeHint));
        return new PendingRevocation(id, new ProviderId(provider), revocable, attempts, nextAttemptAt, lastError);
    }

    private static RevocableToken.Hint hint(String wireName) {
        for (RevocableToken.Hint hint : RevocableToken.Hint.values()) {
            if (hint.wireName().equals(wireName)) {
                return hint;
            }
        }
        throw new IllegalStateException("pending_revocations.token_type_hint holds an unknown hint");
    }

    /** Ciphertexts stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "RevocationRow[id=" + id + ", provider=" + provider + ", attempts=" + attempts + ", token=encrypted]";
    }
}
