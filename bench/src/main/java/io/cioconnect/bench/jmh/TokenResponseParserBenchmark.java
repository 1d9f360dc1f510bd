package io.cioconnect.bench.jmh;

import io.cioconnect.adapter.customerio.ProviderResponse;
import io.cioconnect.adapter.customerio.TokenResponseParser;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Scopes;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Token response validation as the provider adapter runs it on every code exchange and refresh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenResponseParserBenchmark {

    private static final HttpHeaders JSON = HttpHeaders.of(Map.of("content-type", List.of("application/json")),
            (name, value) -> true);
    private static final byte[] ISSUED = ("{\"access_token\":\"at-2YotnFZFEjr1zCsicMWpAAabcdefghijklmnopqrstuvwx\","
            + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-tGzv3JOkF0XG5Qx2TlKWIAabcdefghijklmn\","
            + "\"scope\":\"full_access\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] INVALID_GRANT = ("{\"error\":\"invalid_grant\",\"error_description\":"
            + "\"The refresh token is invalid or expired\"}").getBytes(StandardCharsets.UTF_8);
    private static final Scopes REQUESTED = Scopes.parse("full_access");
    private static final List<String> SECRETS = List.of("rt-tGzv3JOkF0XG5Qx2TlKWIAabcdefghijklmn", "client-secret");
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @Benchmark
    public TokenResult issuedTokens() {
        return TokenResponseParser.parse(new ProviderResponse(200, JSON, ISSUED, false), NOW, NOW, REQUESTED, SECRETS);
    }

    @Benchmark
    public TokenResult invalidGrant() {
        return TokenResponseParser.parse(new ProviderResponse(400, JSON, INVALID_GRANT, false), NOW, NOW, REQUESTED,
                SECRETS);
    }
}
