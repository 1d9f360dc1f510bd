package io.cioconnect.adapter.http;

import io.cioconnect.domain.Secrets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured host API keys, held as SHA-256 digests. A presented key is compared with every one of
 * them in constant time, so neither the timing nor an early exit tells how close a guess was.
 */
final class ApiKeys {

    private record Entry(String name, byte[] digest) {
    }

    private final List<Entry> entries;

    ApiKeys(Map<String, String> nameToSecret) {
        this.entries = nameToSecret.entrySet().stream()
                .map(e -> new Entry(e.getKey(), Secrets.sha256(e.getValue())))
                .toList();
    }

    /** The name of the key {@code presented} is, if it is one. */
    Optional<String> nameOf(String presented) {
        byte[] digest = Secrets.sha256(presented);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }
}
