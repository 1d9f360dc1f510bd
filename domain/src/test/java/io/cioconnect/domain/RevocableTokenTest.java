package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevocableTokenTest {

    @Test
    void prefersTheRefreshTokenBecauseRevokingItEndsTheGrant() {
        RevocableToken token = RevocableToken.bestOf(tokens("access-1", "refresh-1", NOW, "full_access"));

        assertThat(token.value()).isEqualTo("refresh-1");
        assertThat(token.hint()).isEqualTo(RevocableToken.Hint.REFRESH_TOKEN);
    }

    @Test
    void fallsBackToTheAccessTokenWithoutARefreshToken() {
        RevocableToken token = RevocableToken.bestOf(tokens("access-1", null, null, ""));

        assertThat(token.value()).isEqualTo("access-1");
        assertThat(token.hint()).isEqualTo(RevocableToken.Hint.ACCESS_TOKEN);
    }

    @Test
    void aReplacedGrantIsRevokedByItsRefreshToken() {
        TokenSet replaced = tokens("access-1", "refresh-1", NOW, "full_access");

        assertThat(RevocableToken.ofReplaced(replaced, tokens("access-2", "refresh-2", NOW, "full_access")))
                .contains(new RevocableToken("refresh-1", RevocableToken.Hint.REFRESH_TOKEN));
    }

    @Test
    void aReplacedGrantWithoutRefreshTokenIsRevokedByItsAccessToken() {
        TokenSet replaced = tokens("access-1", null, NOW, "full_access");

        assertThat(RevocableToken.ofReplaced(replaced, tokens("access-2", null, NOW, "full_access")))
                .contains(new RevocableToken("access-1", RevocableToken.Hint.ACCESS_TOKEN));
    }

    @Test
    void nothingIsRevokedWhenTheProviderHandsTheSameTokenOutAgain() {
        TokenSet replaced = tokens("access-1", "refresh-1", NOW, "full_access");

        assertThat(RevocableToken.ofReplaced(replaced, tokens("access-2", "refresh-1", NOW, "full_access"))).isEmpty();
        assertThat(RevocableToken.ofReplaced(tokens("access-1", null, NOW, ""), tokens("access-1", null, NOW, "")))
                .isEmpty();
        assertThat(RevocableToken.ofReplaced(replaced, tokens("refresh-1", null, NOW, ""))).isEmpty();
    }

    @Test
    void usesTheRfc7009HintNames() {
        assertThat(RevocableToken.Hint.REFRESH_TOKEN.wireName()).isEqualTo("refresh_token");
        assertThat(RevocableToken.Hint.ACCESS_TOKEN.wireName()).isEqualTo("access_token");
    }

    @Test
    void toStringShowsTheHintButNeverTheValue() {
        RevocableToken token = new RevocableToken("refresh-secret-value", RevocableToken.Hint.REFRESH_TOKEN);

        assertThat(token.toString()).isEqualTo("RevocableToken[refresh_token, redacted]")
                .doesNotContain("refresh-secret-value");
    }

    @Test
    void rejectsABlankValueOrAMissingHint() {
        assertThatThrownBy(() -> new RevocableToken(" ", RevocableToken.Hint.ACCESS_TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RevocableToken("value", null)).isInstanceOf(NullPointerException.class);
    }
}
