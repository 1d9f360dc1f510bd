package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small builders of valid domain values, so each test states only what it is about. */
final class DomainFixtures {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final Set<String> ALLOWED_ORIGINS = Set.of("https://app.example.com", "http://localhost:3000");
    static final Owner OWNER = new Owner("user-42");
    static final ProviderId PROVIDER = new ProviderId("customerio");

    private DomainFixtures() {
    }

    /** {@code length} bytes all equal to {@code fill}: deterministic stand-ins for SecureRandom output. */
    static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    static ReturnTo returnTo() {
        return ReturnTo.parse("https://app.example.com/settings", ALLOWED_ORIGINS);
    }

    static TokenSet tokens(String access, String refresh, Instant expiresAt, String scopes) {
        return new TokenSet(new AccessToken(access), refresh == null ? null : new RefreshToken(refresh),
                TokenType.BEARER, expiresAt, Scopes.parse(scopes));
    }

    static TokenSet tokensExpiringIn(Duration lifetime) {
        return tokens("access-1", "refresh-1", NOW.plus(lifetime), "full_access");
    }

    static Connection activeConnection() {
        return Connection.connect(new ConnectionId(UUID.randomUUID()), OWNER, PROVIDER,
                tokensExpiringIn(Duration.ofHours(1)), NOW);
    }

    static PendingAuthorization pending(BrowserBinding binding, ExpectedIssuer issuer) {
        return new PendingAuthorization(State.fromRandom(bytes(32, 7)).hash(), PkceVerifier.fromRandom(bytes(32, 9)),
                binding.hash(), issuer, OWNER, PROVIDER, returnTo(), null, Scopes.parse("full_access"),
                NOW, NOW.plus(Duration.ofMinutes(10)));
    }

    static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
