package io.cioconnect.application.port.out;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Out-port: cryptographically strong randomness ({@code SecureRandom} in production). */
public interface RandomSource {

    byte[] bytes(int count);

    /** A uniform double in {@code [0, 1)} from 53 random bits: the jitter of a backoff. */
    default double unitInterval() {
        return (ByteBuffer.wrap(bytes(8)).getLong() >>> 11) * 0x1.0p-53;
    }

    /** A random (version 4) UUID drawn from this source. */
    default UUID uuid() {
        byte[] b = bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
