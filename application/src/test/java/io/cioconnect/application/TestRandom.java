package io.cioconnect.application;

import io.cioconnect.application.port.out.RandomSource;
import java.security.SecureRandom;

/** The production kind of randomness, for tests. */
public final class TestRandom implements RandomSource {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
