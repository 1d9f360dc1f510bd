package io.cioconnect.devsandbox;

import io.cioconnect.domain.Scopes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Everything the sandbox provider remembers, in memory and bounded: pending consents, authorization
 * codes, access and refresh tokens. One lock guards it all; the sandbox serves one developer.
 */
final class SandboxState {

    /**
     * An authorization the user gave to a client, for a resource ({@code null}: none named); every code and token
     * it leads to carries its id.
     */
    record Grant(String id, Scopes scopes, SandboxClient client, String resource) {

        Grant narrowedTo(Scopes narrower) {
            return new Grant(id, narrower, client, resource);
        }
    }

    record IssuedCode(Grant grant, String redirectUri, String codeChallenge, boolean redeemed) {
    }

    record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, Scopes scopes) {
        @Override
        public String toString() {
            return "IssuedTokens[redacted]";
        }
    }

    static final Duration CONSENT_LIFETIME = Duration.ofMinutes(10);
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    private static final int MAX_PENDING = 1_000;
    private static final int MAX_TOKENS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration accessTokenLifetime;
    private final ExpiringStore<AuthorizationRequest> consents;
    private final ExpiringStore<IssuedCode> codes;
    private final ExpiringStore<Grant> accessTokens;
    private final ExpiringStore<Grant> refreshTokens;

    SandboxState(Clock clock, Duration accessTokenLifetime) {
        this.clock = clock;
        this.accessTokenLifetime = accessTokenLifetime;
        this.consents = new ExpiringStore<>(MAX_PENDING, clock);
        this.codes = new ExpiringStore<>(MAX_PENDING, clock);
        this.accessTokens = new ExpiringStore<>(MAX_TOKENS, clock);
        this.refreshTokens = new ExpiringStore<>(MAX_TOKENS, clock);
    }

    /** Keeps a validated request until the user decides; answers the id the consent form carries. */
    synchronized String awaitConsent(AuthorizationRequest request) {
        String requestId = randomValue();
        consents.put(requestId, request, clock.instant().plus(CONSENT_LIFETIME));
        return requestId;
    }

    /** The request behind a consent form, once: a second submission finds nothing. */
    synchronized Optional<AuthorizationRequest> takeConsent(String requestId) {
        return consents.take(requestId);
    }

    synchronized String issueCode(AuthorizationRequest request) {
        String code = randomValue();
        Grant grant = new Grant(randomValue(), request.scopes(), request.client(), request.resource());
        codes.put(code, new IssuedCode(grant, request.redirectUri(), request.codeChallenge(), false),
                clock.instant().plus(CODE_LIFETIME));
        return code;
    }

    /**
     * Redeems a code once. A second attempt also revokes every token the first one obtained
     * (RFC 6749 §4.1.2), since one of the two callers holds a stolen code.
     */
    synchronized Optional<IssuedCode> redeemCode(String code) {
        Optional<IssuedCode> issued = codes.get(code);
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        if (issued.get().redeemed()) {
            revokeGrant(issued.get().grant().id());
            return Optional.empty();
        }
        codes.replace(code, new IssuedCode(issued.get().grant(), issued.get().redirectUri(),
                issued.get().codeChallenge(), true));
        return issued;
    }

    synchronized IssuedTokens issueTokens(Grant grant) {
        return issue(grant, grant.scopes());
    }

    /**
     * Rotates a refresh token (RFC 9700 §4.14.2): new tokens, and the old refresh token is spent. Throws
     * {@code invalid_grant} for a token it does not hold or holds for another client, {@code invalid_target}
     * for another resource than the grant's, and {@code invalid_scope} for a wider scope.
     */
    synchronized IssuedTokens refresh(String refreshToken, Scopes requested, SandboxClient client, String resource) {
        Grant grant = refreshTokens.get(refreshToken)
                .filter(held -> held.client().clientId().equals(client.clientId()))
                .orElseThrow(() -> OAuthProblem.invalidGrant("refresh token is unknown, expired, rotated or revoked"));
        Resources.requireGranted(grant, resource);
        if (!requested.isSubsetOf(grant.scopes())) {
            throw OAuthProblem.invalidScope("scope exceeds the scope originally granted");
        }
        refreshTokens.take(refreshToken);
        return issue(grant, requested.isEmpty() ? grant.scopes() : requested);
    }

    /**
     * RFC 7009: revoking a refresh token ends its whole grant; an access token ends alone. A token issued to
     * another client is left alone (§2.1), and the answer is the same, so it reveals nothing.
     */
    synchronized void revoke(String token, SandboxClient client) {
        Optional<Grant> refresh = refreshTokens.get(token).filter(grant -> isClientOf(grant, client));
        if (refresh.isPresent()) {
            refreshTokens.take(token);
            revokeGrant(refresh.get().id());
        } else if (accessTokens.get(token).filter(grant -> isClientOf(grant, client)).isPresent()) {
            accessTokens.take(token);
        }
    }

    private static boolean isClientOf(Grant grant, SandboxClient client) {
        return grant.client().clientId().equals(client.clientId());
    }

    /** The grant behind a live access token, for the sandbox's own protected resources. */
    synchronized Optional<Grant> accessTokenGrant(String token) {
        return accessTokens.get(token);
    }

    private IssuedTokens issue(Grant grant, Scopes accessScopes) {
        Instant now = clock.instant();
        String accessToken = randomValue();
        String refreshToken = randomValue();
        // The access token carries the narrowed scope; the refresh token keeps the grant (RFC 6749 §6).
        accessTokens.put(accessToken, grant.narrowedTo(accessScopes), now.plus(accessTokenLifetime));
        refreshTokens.put(refreshToken, grant, now.plus(REFRESH_TOKEN_LIFETIME));
        return new IssuedTokens(accessToken, refreshToken, accessTokenLifetime, accessScopes);
    }

    private void revokeGrant(String grantId) {
        accessTokens.removeIf(grant -> grant.id().equals(grantId));
        refreshTokens.removeIf(grant -> grant.id().equals(grantId));
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
