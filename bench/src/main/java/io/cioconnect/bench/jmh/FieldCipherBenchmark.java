package io.cioconnect.bench.jmh;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** AES-256-GCM field encryption as the persistence adapter does it for every token it writes and reads. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldCipherBenchmark {

    private static final EncryptedColumn COLUMN = new EncryptedColumn("connections", "access_token");

    private FieldCipher cipher;
    private String token;
    private String rowId;
    private String envelope;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cipher = new FieldCipher(KeyRing.parse("bench-key:" + Base64.getEncoder().encodeToString(key)));
        // About the length of a real provider's access token.
        token = "at-" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]);
        rowId = UUID.randomUUID().toString();
        envelope = cipher.encrypt(token, COLUMN, rowId);
    }

    @Benchmark
    public String encrypt() {
        return cipher.encrypt(token, COLUMN, rowId);
    }

    @Benchmark
    public String decrypt() {
        return cipher.decrypt(envelope, COLUMN, rowId);
    }
}
