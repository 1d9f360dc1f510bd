package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenSetTest {

    private static final Duration SKEW = Duration.ofSeconds(60);

    @Test
    void needsRefreshExactlyWhenTheSkewReachesTheExpiry() {
        assertThat(tokens("a", "r", NOW.plus(SKEW), "").needsRefresh(NOW, SKEW)).isTrue();
    }

    @Test
    void doesNotNeedRefreshOneSecondBeforeTheSkewReachesTheExpiry() {
        assertThat(tokens("a", "r", NOW.plus(SKEW).plusSeconds(1), "").needsRefresh(NOW, SKEW)).isFalse();
    }

    @Test
    void needsRefreshOneSecondAfterTheSkewReachesTheExpiry() {
        assertThat(tokens("a", "r", NOW.plus(SKEW).minusSeconds(1), "").needsRefresh(NOW, SKEW)).isTrue();
    }

    @Test
    void needsRefreshOnceExpired() {
        assertThat(tokens("a", "r", NOW.minusSeconds(1), "").needsRefresh(NOW, Duration.ZERO)).isTrue();
    }

    @Test
    void neverNeedsRefreshWithoutAnExpiry() {
        TokenSet apiKey = tokens("app-api-key", null, null, "");

        assertThat(apiKey.needsRefresh(NOW, SKEW)).isFalse();
        assertThat(apiKey.needsRefresh(NOW.plus(Duration.ofDays(3650)), Duration.ofDays(365))).isFalse();
        assertThat(apiKey.isExpired(NOW.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void isExpiredFromTheExpiryInstantOn() {
        TokenSet tokens = tokens("a", "r", NOW, "");

        assertThat(tokens.isExpired(NOW.minusSeconds(1))).isFalse();
        assertThat(tokens.isExpired(NOW)).isTrue();
        assertThat(tokens.isExpired(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void isRefreshableOnlyWithARefreshToken() {
        assertThat(tokens("a", "r", NOW, "").isRefreshable()).isTrue();
        assertThat(tokens("a", null, NOW, "").isRefreshable()).isFalse();
        assertThat(tokens("a", null, NOW, "").optionalRefreshToken()).isEmpty();
        assertThat(tokens("a", null, null, "").optionalExpiresAt()).isEmpty();
    }

    @Test
    void renewalKeepsTheOldRefreshTokenWhenTheProviderDidNotRotateIt() {
        TokenSet renewed = tokens("a1", "r1", NOW, "read").renewedBy(tokens("a2", null, NOW.plusSeconds(3600), "read"));

        assertThat(renewed.accessToken()).isEqualTo(new AccessToken("a2"));
        assertThat(renewed.refreshToken()).isEqualTo(new RefreshToken("r1"));
        assertThat(renewed.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void renewalTakesARotatedRefreshToken() {
        TokenSet renewed = tokens("a1", "r1", NOW, "read").renewedBy(tokens("a2", "r2", NOW.plusSeconds(3600), ""));

        assertThat(renewed.refreshToken()).isEqualTo(new RefreshToken("r2"));
    }

    @Test
    void renewalKeepsTheScopesWhenTheProviderDidNotRestateThem() {
        TokenSet old = tokens("a1", "r1", NOW, "read write");

        assertThat(old.renewedBy(tokens("a2", null, NOW, "")).scopes()).isEqualTo(Scopes.parse("read write"));
        assertThat(old.renewedBy(tokens("a2", null, NOW, "read")).scopes()).isEqualTo(Scopes.parse("read"));
    }

    @Test
    void oauthTokensHaveNoAppApiRegionAndAKeysRegionSurvivesRenewal() {
        TokenSet key = new AppApiKey("sandbox-0123456789").toTokenSet(AppApiRegion.EU);

        assertThat(tokens("a1", "r1", NOW, "read").optionalAppApiRegion()).isEmpty();
        assertThat(key.renewedBy(tokens("a2", null, null, "")).optionalAppApiRegion()).contains(AppApiRegion.EU);
        assertThat(key.toString()).contains("appApiRegion=eu").doesNotContain("sandbox-0123456789");
    }

    @Test
    void toStringNeverContainsTheTokens() {
        String text = tokens("access-secret-1", "refresh-secret-1", NOW, "read").toString();

        assertThat(text).doesNotContain("access-secret-1").doesNotContain("refresh-secret-1")
                .contains("accessToken=redacted", "refreshToken=redacted", "read");
        assertThat(tokens("access-secret-1", null, null, "").toString()).contains("refreshToken=none")
                .doesNotContain("access-secret-1");
    }

    @Test
    void requiresAnAccessTokenATypeAndScopes() {
        assertThatThrownBy(() -> new TokenSet(null, null, TokenType.BEARER, null, Scopes.none()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenSet(new AccessToken("a"), null, null, null, Scopes.none()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenSet(new AccessToken("a"), null, TokenType.BEARER, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
