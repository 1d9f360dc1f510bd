package io.cioconnect.adapter.http;

import io.cioconnect.domain.Secrets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured host API keys, held as SHA-256 digests in a map keyed by digest. A presented key is
 * hashed, looked up by its digest, and confirmed with a constant-time comparison. The lookup's timing can
 * only tell how a guess's digest relates to a key's digest, which says nothing about the key itself.
 */
final class ApiKeys {

    private record Entry(String name, byte[] digest) {
    }

    private final Map<ByteBuffer, Entry> byDigest = new HashMap<>();

    ApiKeys(Map<String, String> nameToSecret) {
        nameToSecret.forEach((name, secret) -> {
            byte[] digest = Secrets.sha256(secret);
            byDigest.put(ByteBuffer.wrap(digest), new Entry(name, digest));
        });
    }

    /** The name of the key {@code presented} is, if it is one. */
    Optional<String> nameOf(String presented) {
        byte[] digest = Secrets.sha256(presented);
        Entry entry = byDigest.get(ByteBuffer.wrap(digest));
        return entry != null && MessageDigest.isEqual(entry.digest(), digest) ? Optional.of(entry.name()) : Optional.empty();
    }
}
