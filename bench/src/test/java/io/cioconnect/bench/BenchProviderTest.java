package io.cioconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchProviderTest {

    private static final String BASIC = "Authorization: Basic " + Base64.getEncoder().encodeToString(
            (BenchProvider.CLIENT_ID + ":" + BenchProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    private BenchProvider provider;
    private HttpConnection connection;

    @BeforeEach
    void start() throws Exception {
        provider = new BenchProvider();
        connection = new HttpConnection("127.0.0.1", provider.port());
    }

    @AfterEach
    void stop() {
        connection.close();
        provider.close();
    }

    @Test
    void redirectsBackWithACodeThatExchangesOnceForTheRightVerifier() throws Exception {
        String verifier = "verifier-0123456789-0123456789-0123456789-0123456789";
        HttpResponse authorized = connection.send("GET", "/authorize?response_type=code&client_id=" + BenchProvider.CLIENT_ID
                + "&redirect_uri=" + encode("http://localhost:1/cb") + "&state=s1&code_challenge="
                + BenchProvider.challengeOf(verifier) + "&code_challenge_method=S256", null);
        assertThat(authorized.status()).isEqualTo(302);
        String code = ConnectFlowScenario.queryValue(authorized.header("location"), "code");
        assertThat(URI.create(authorized.header("location")).getRawQuery()).endsWith("&state=s1");

        String exchange = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode("http://localhost:1/cb")
                + "&code_verifier=";
        assertThat(token(exchange + "wrong-verifier").status()).isEqualTo(400);
        HttpResponse issued = tokenAfterNewCode(verifier, exchange);
        assertThat(issued.bodyText()).contains("\"access_token\":\"at-", "\"refresh_token\":\"rt-");
        assertThat(provider.ledger().exchanges()).isEqualTo(2);
    }

    @Test
    void rotatesRefreshTokensAndCountsASecondUseAsADuplicate() throws Exception {
        String refresh = provider.newToken("rt-");
        provider.ledger().registerRefreshToken(refresh);

        HttpResponse first = token("grant_type=refresh_token&refresh_token=" + refresh);
        HttpResponse again = token("grant_type=refresh_token&refresh_token=" + refresh);

        assertThat(first.status()).isEqualTo(200);
        assertThat(ConnectFlowScenario.jsonString(first.bodyText(), "refresh_token")).isNotEqualTo(refresh);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.bodyText()).contains("invalid_grant");
        assertThat(provider.ledger().refreshes()).isEqualTo(1);
        assertThat(provider.ledger().duplicateRefreshes()).isEqualTo(1);
    }

    @Test
    void refusesAClientWithoutItsCredentials() throws Exception {
        HttpResponse refused = connection.send("POST", "/token", "grant_type=refresh_token&refresh_token=x"
                .getBytes(StandardCharsets.UTF_8), FORM);
        assertThat(refused.status()).isEqualTo(401);
    }

    /** The code of the first exchange was used up by the wrong verifier: a fresh one, exchanged right. */
    private HttpResponse tokenAfterNewCode(String verifier, String exchangeWithOldCode) throws Exception {
        HttpResponse authorized = connection.send("GET", "/authorize?response_type=code&client_id=" + BenchProvider.CLIENT_ID
                + "&redirect_uri=" + encode("http://localhost:1/cb") + "&state=s2&code_challenge="
                + BenchProvider.challengeOf(verifier) + "&code_challenge_method=S256", null);
        String code = ConnectFlowScenario.queryValue(authorized.header("location"), "code");
        String exchange = exchangeWithOldCode.replaceFirst("code=[^&]+", "code=" + code) + verifier;
        HttpResponse issued = token(exchange);
        assertThat(issued.status()).isEqualTo(200);
        return issued;
    }

    private HttpResponse token(String form) throws Exception {
        return connection.send("POST", "/token", form.getBytes(StandardCharsets.UTF_8), BASIC, FORM);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
