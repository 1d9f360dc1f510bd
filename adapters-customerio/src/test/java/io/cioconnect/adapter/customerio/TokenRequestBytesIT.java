package io.cioconnect.adapter.customerio;

import static io.cioconnect.adapter.customerio.TestProviders.CLIENT_SECRET;
import static io.cioconnect.adapter.customerio.TestProviders.CODE;
import static io.cioconnect.adapter.customerio.TestProviders.REDIRECT_URI;
import static io.cioconnect.adapter.customerio.TestProviders.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests the client sends, for every body format and client authentication method. */
class TokenRequestBytesIT {

    private static final String TOKENS = "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpOAuthProvider provider(TokenRequestFormat format, ClientAuthMethod auth) {
        return new HttpOAuthProvider(TestProviders.settings(server, format, auth), new SimpleMeterRegistry());
    }

    @Test
    void exchangesTheCodeAsCustomerIoJsonWithTheSecretInTheBody() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));

        TokenResult result = provider(TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_POST)
                .exchangeCode(CODE, VERIFIER, REDIRECT_URI);

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/oauth/token");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getBody().utf8()).isEqualTo("{\"grant_type\":\"authorization_code\","
                + "\"client_id\":\"cio-client\",\"client_secret\":\"s3cret-client-value\","
                + "\"code\":\"SplxlOBeZQQYbYS6WxSbIA\","
                + "\"redirect_uri\":\"https://connect.example.com/oauth/customerio/callback\","
                + "\"code_verifier\":\"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\"}");
    }

    @Test
    void exchangesTheCodeAsAFormWithBasicCredentialsAndNoSecretInTheBody() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));

        provider(TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC).exchangeCode(CODE, VERIFIER, REDIRECT_URI);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + base64("cio-client:s3cret-client-value"));
        assertThat(request.getBody().utf8()).isEqualTo("grant_type=authorization_code"
                + "&code=SplxlOBeZQQYbYS6WxSbIA"
                + "&redirect_uri=https%3A%2F%2Fconnect.example.com%2Foauth%2Fcustomerio%2Fcallback"
                + "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    @Test
    void sendsJsonWithBasicCredentialsInTheHeaderOnly() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));

        provider(TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_BASIC).exchangeCode(CODE, VERIFIER, REDIRECT_URI);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(request.getBody().utf8())
                .startsWith("{\"grant_type\":\"authorization_code\",\"code\":")
                .doesNotContain("client_secret").doesNotContain(CLIENT_SECRET).doesNotContain("client_id");
    }

    @Test
    void formUrlEncodesIdAndSecretBeforeBase64() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));
        ProviderSettings settings = TestProviders.settings(server, "client:id é", "s3cr+t/&=:% x",
                TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC);

        new HttpOAuthProvider(settings, new SimpleMeterRegistry()).exchangeCode(CODE, VERIFIER, REDIRECT_URI);

        // RFC 6749 §2.3.1: "client%3Aid+%C3%A9" ":" "s3cr%2Bt%2F%26%3D%3A%25+x", then Base64.
        assertThat(server.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo("Basic " + base64("client%3Aid+%C3%A9:s3cr%2Bt%2F%26%3D%3A%25+x"));
    }

    @Test
    void encodesSpecialCharactersOfPostedCredentialsInAForm() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));
        ProviderSettings settings = TestProviders.settings(server, "id&x=1", "a+b c",
                TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_POST);

        new HttpOAuthProvider(settings, new SimpleMeterRegistry()).exchangeCode(CODE, VERIFIER, REDIRECT_URI);

        assertThat(server.takeRequest().getBody().utf8())
                .startsWith("grant_type=authorization_code&client_id=id%26x%3D1&client_secret=a%2Bb+c&code=");
    }

    @Test
    void refreshesWithTheRefreshTokenAndTheScopesAskedFor() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));

        provider(TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_POST)
                .refresh(new RefreshToken("rt-1"), Scopes.parse("full_access read"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/oauth/token");
        assertThat(request.getBody().utf8()).isEqualTo("{\"grant_type\":\"refresh_token\","
                + "\"client_id\":\"cio-client\",\"client_secret\":\"s3cret-client-value\","
                + "\"refresh_token\":\"rt-1\",\"scope\":\"full_access read\"}");
    }

    @Test
    void refreshesAsAFormWithoutScopeWhenNoneWasAsked() throws Exception {
        server.enqueue(TestProviders.tokens(TOKENS));

        provider(TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC).refresh(new RefreshToken("rt/1+x"), Scopes.none());

        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("grant_type=refresh_token&refresh_token=rt%2F1%2Bx");
    }

    @Test
    void revokesWithAFormBodyAndTokenTypeHintWhateverTheTokenFormat() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).build());

        RevocationResult result = provider(TokenRequestFormat.JSON, ClientAuthMethod.CLIENT_SECRET_POST)
                .revoke(new RevocableToken("rt-1", RevocableToken.Hint.REFRESH_TOKEN));

        assertThat(result).isInstanceOf(RevocationResult.Revoked.class);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/oauth/revoke");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8())
                .isEqualTo("token=rt-1&token_type_hint=refresh_token&client_id=cio-client&client_secret=s3cret-client-value");
    }

    @Test
    void revokesWithBasicCredentialsInTheHeader() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("ok").build());

        provider(TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_BASIC)
                .revoke(new RevocableToken("at-1", RevocableToken.Hint.ACCESS_TOKEN));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + base64("cio-client:s3cret-client-value"));
        assertThat(request.getBody().utf8()).isEqualTo("token=at-1&token_type_hint=access_token");
    }

    @Test
    void neverPutsASecretIntoTheRequestTarget() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(TestProviders.tokens(TOKENS));
        }
        HttpOAuthProvider provider = provider(TokenRequestFormat.FORM, ClientAuthMethod.CLIENT_SECRET_POST);

        provider.exchangeCode(CODE, VERIFIER, REDIRECT_URI);
        provider.refresh(new RefreshToken("rt-secret"), Scopes.none());
        provider.revoke(new RevocableToken("rt-secret", RevocableToken.Hint.REFRESH_TOKEN));

        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().query()).isNull();
            assertThat(request.getTarget()).doesNotContain(CLIENT_SECRET, CODE.value(), "rt-secret", VERIFIER.value());
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
