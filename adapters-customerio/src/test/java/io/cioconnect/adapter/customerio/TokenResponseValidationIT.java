package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Successful token responses and the validation of each of their members (RFC 6749 §5.1). */
class TokenResponseValidationIT extends ProviderServerFixture {

    @Test
    void acceptsACompleteTokenResponse() {
        TokenSet tokens = issued(tokens("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt-1\",\"scope\":\"full_access\"}"));

        assertThat(tokens.accessToken()).isEqualTo(new AccessToken("at-1"));
        assertThat(tokens.refreshToken()).isEqualTo(new RefreshToken("rt-1"));
        assertThat(tokens.type()).isEqualTo(TokenType.BEARER);
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(tokens.scopes()).isEqualTo(Scopes.parse("full_access"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "Bearer"})
    void comparesTheTokenTypeCaseInsensitively(String type) {
        assertThat(issued(tokens("{\"access_token\":\"at\",\"token_type\":\"" + type + "\"}")).type())
                .isEqualTo(TokenType.BEARER);
    }

    @Test
    void treatsAMissingTokenTypeAsBearer() {
        assertThat(issued(tokens("{\"access_token\":\"at\",\"expires_in\":60}")).type()).isEqualTo(TokenType.BEARER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"mac\"", "\"DPoP\"", "\"\"", "42"})
    void rejectsUnknownTokenTypes(String type) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"token_type\":" + type + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("token_type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3600       | 3600",
        "\"3600\"   | 3600",
        "\" 120 \"  | 120",
        "59.9       | 59",
        "null       | 3600",
        "1e400      | 31536000",
        "99999999999999999999 | 31536000",
    })
    void readsExpiresInAsNumberOrNumericStringWithDefaultAndClamp(String expiresIn, long seconds) {
        TokenSet tokens = issued(tokens("{\"access_token\":\"at\",\"expires_in\":" + expiresIn + "}"));

        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(seconds));
    }

    @Test
    void usesTheDocumentedDefaultWhenExpiresInIsMissing() {
        assertThat(issued(tokens("{\"access_token\":\"at\"}")).expiresAt()).isEqualTo(NOW.plus(ExpiresIn.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "0.5", "\"soon\"", "\"\"", "true", "{}", "[3600]", "\"12e3\""})
    void rejectsNonsenseExpiresIn(String expiresIn) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"expires_in\":" + expiresIn + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("expires_in");
    }

    @Test
    void recordsAGrantNarrowerThanAsked() throws Exception {
        server.enqueue(tokens("{\"access_token\":\"at\",\"scope\":\"read\"}"));

        TokenResult result = provider.refresh(new RefreshToken("rt"), Scopes.parse("read write"));

        assertThat(((TokenResult.Issued) result).tokens().scopes()).isEqualTo(Scopes.parse("read"));
    }

    @Test
    void recordsTheRequestedScopesWhenTheProviderDoesNotRestateThem() {
        server.enqueue(tokens("{\"access_token\":\"at\"}"));

        TokenResult result = provider.refresh(new RefreshToken("rt"), Scopes.parse("read write"));

        assertThat(((TokenResult.Issued) result).tokens().scopes()).isEqualTo(Scopes.parse("read write"));
    }

    @Test
    void keepsTheOldRefreshTokenWhenARefreshDoesNotRotateIt() {
        server.enqueue(tokens("{\"access_token\":\"at-2\",\"expires_in\":60}"));
        TokenSet before = new TokenSet(new AccessToken("at-1"), new RefreshToken("rt-1"), TokenType.BEARER,
                NOW, Scopes.parse("full_access"));

        TokenSet fresh = ((TokenResult.Issued) provider.refresh(new RefreshToken("rt-1"), before.scopes())).tokens();

        assertThat(fresh.refreshToken()).isNull();
        TokenSet after = before.renewedBy(fresh);
        assertThat(after.refreshToken()).isEqualTo(new RefreshToken("rt-1"));
        assertThat(after.accessToken()).isEqualTo(new AccessToken("at-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"token_type\":\"Bearer\",\"expires_in\":3600}",
        "{\"access_token\":null}",
        "{\"access_token\":\"\"}",
        "{\"access_token\":12345}",
        "{\"access_token\":\"has space\"}",
        "{\"access_token\":\"line\\r\\nbreak\"}",
    })
    void rejectsAResponseWithoutAUsableAccessToken(String body) {
        ProviderFailure failure = failed(exchange(tokens(body)));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure.detail()).contains("access_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "17", "\"a b\""})
    void rejectsAMalformedRefreshToken(String refresh) {
        ProviderFailure failure = failed(exchange(tokens("{\"access_token\":\"at\",\"refresh_token\":" + refresh + "}")));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void rejectsDuplicateMembersInsteadOfPickingOne() {
        assertThat(failed(exchange(tokens("{\"access_token\":\"a\",\"access_token\":\"b\"}"))).kind())
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void countsTheLifetimeFromWhenTheRequestLeft() {
        Instant sent = NOW;
        TokenSet tokens = issued(tokens("{\"access_token\":\"at\",\"expires_in\":120}"));

        assertThat(Duration.between(sent, tokens.expiresAt())).isEqualTo(Duration.ofSeconds(120));
    }
}
