package io.cioconnect.adapter.http;

import static io.cioconnect.adapter.http.BrowserFlowTest.assertErrorPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeApiKeyVerifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A key form submission we cannot trust is a 400 page, and nothing is checked with Customer.io. */
class ApiKeyFormForgeryTest {

    private final TestServer server = TestServer.start();
    private final FakeApiKeyVerifier verifier = server.core.fakeKeyVerifier();
    private final Browser browser = server.browser();
    private final String token = KeyForm.token(KeyForm.open(server, browser, "user-1"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSubmissionWithoutTokenIsRefused() {
        assertErrorPage(browser.postForm(ApiKeyFormRoutes.SUBMIT, "api_key=" + KeyForm.VALID_KEY + "&region=us"));
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aSubmissionWithAWrongTokenIsRefused() {
        assertErrorPage(KeyForm.submit(browser, "forged-" + token, KeyForm.VALID_KEY, "us"));
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aSubmissionWithTheTokenButAnotherBrowsersCookieIsRefused() {
        Browser attacker = server.browser();
        KeyForm.open(server, attacker, "attacker");

        assertErrorPage(KeyForm.submit(attacker, token, KeyForm.VALID_KEY, "us"));
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aSubmissionWithTheTokenButNoCookieIsRefused() {
        assertErrorPage(KeyForm.submit(server.browser(), token, KeyForm.VALID_KEY, "us"));
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aTokenWorksOnce() {
        assertThat(KeyForm.submit(browser, token, KeyForm.VALID_KEY, "us").statusCode()).isEqualTo(303);

        browser.cookies().put("cioconnect_binding", "replayed-cookie-value-0123456789012345678901");
        assertErrorPage(KeyForm.submit(browser, token, KeyForm.VALID_KEY, "us"));
        assertThat(verifier.checkCount()).isEqualTo(1);
    }

    @Test
    void repeatedFieldsOrAnotherContentTypeAreRefusedBeforeTheUseCaseSeesThem() {
        assertErrorPage(browser.postForm(ApiKeyFormRoutes.SUBMIT, "csrf_token=" + token + "&csrf_token=other"
                + "&api_key=" + KeyForm.VALID_KEY + "&region=us"));
        assertErrorPage(browser.postForm(ApiKeyFormRoutes.SUBMIT, "csrf_token=" + token + "&api_key=a&api_key=b"));
        assertErrorPage(browser.postForm(ApiKeyFormRoutes.SUBMIT, "csrf_token=" + token + "&action=delete"));
        assertErrorPage(browser.send(HttpRequest.newBuilder(server.uri(ApiKeyFormRoutes.SUBMIT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrf_token\":\"" + token + "\"}"))));

        assertThat(verifier.checkCount()).isZero();
        assertThat(KeyForm.submit(browser, token, KeyForm.VALID_KEY, "us").statusCode())
                .as("the form was never consumed, so the genuine submission still works").isEqualTo(303);
    }

    @Test
    void anOAuthTicketOpensNoKeyFormAndAKeyTicketNoOAuthFlow() {
        URI oauthLink = server.connectUrl("user-2");
        URI keyLink = server.connectUrl("user-2", KeyForm.PROVIDER);

        HttpResponse<String> oauthAtKeyStart = browser.get(ApiKeyFormRoutes.START + "?" + oauthLink.getRawQuery());
        HttpResponse<String> keyAtOAuthStart = browser.get("/oauth/customerio/start?" + keyLink.getRawQuery());

        assertErrorPage(oauthAtKeyStart);
        assertErrorPage(keyAtOAuthStart);
        assertThat(server.core.provider.exchangeCount()).isZero();
    }

    @Test
    void startWithoutOrWithAnUnknownTicketShowsAnErrorPage() {
        assertErrorPage(browser.get(ApiKeyFormRoutes.START));
        assertErrorPage(browser.get(ApiKeyFormRoutes.START + "?ticket=no-such-ticket"));
    }
}
