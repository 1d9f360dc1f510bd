package io.cioconnect.adapter.persistence.crypto;

import java.util.List;

/** {@code ENCRYPTION_KEYS} could not be read; each problem names the entry or key id, never the key. */
public final class InvalidKeyRingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    InvalidKeyRingException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem found. */
    public List<String> problems() {
        return problems;
    }
}
