package io.cioconnect.bootstrap;

import io.cioconnect.application.port.out.RandomSource;
import java.security.SecureRandom;

/** The production {@link RandomSource}: the JDK's {@link SecureRandom}. */
final class SecureRandomSource implements RandomSource {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
