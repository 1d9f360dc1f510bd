package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeApiKeyVerifier;
import io.cioconnect.application.FakeApiKeyVerifier.Check;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.domain.AppApiRegion;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The App API key form from the browser's side: show, submit, and where each outcome leads. */
class ApiKeyFormTest {

    private final TestServer server = TestServer.start();
    private final FakeApiKeyVerifier verifier = server.core.fakeKeyVerifier();
    private final Browser browser = server.browser();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void startShowsAPasswordFieldARegionChoiceAndAHiddenTokenAndSetsTheBindingCookie() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<input id=\"api_key\" name=\"api_key\" type=\"password\" autocomplete=\"off\"")
                .contains("<input type=\"radio\" name=\"region\" value=\"us\" checked>")
                .contains("<input type=\"radio\" name=\"region\" value=\"eu\">")
                .contains("<form method=\"post\" action=\"submit\"")
                .doesNotContain("<script").doesNotContain("<style").doesNotContain("style=");
        assertThat(KeyForm.token(page)).hasSize(43);
        assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
                .matches("cioconnect_binding=[A-Za-z0-9_-]{43}; Max-Age=600; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void theFormHasItsOwnPolicyAllowingItsStylesheetAndReturnToAsTheLandingOfItsPost() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; "
                + "style-src 'self'; form-action 'self' https://app.example.com; frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> css = browser.get(ApiKeyFormRoutes.STYLESHEET);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void anAcceptedKeyIsStoredAndTheBrowserSentToReturnToLikeAfterOAuth() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        HttpResponse<String> response = KeyForm.submit(browser, KeyForm.token(page), KeyForm.VALID_KEY, "eu");

        assertThat(response.statusCode()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(TestCore.RETURN_TO + "?connection_id=").endsWith("&status=connected")
                .doesNotContain(KeyForm.VALID_KEY);
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(verifier.checks).extracting(Check::region).containsExactly(AppApiRegion.EU);
        String token = server.send(server.api("/api/v1/connections/" + TestCore.queryParameter(location, "connection_id")
                + "/access-token").POST(HttpRequest.BodyPublishers.noBody())).body();
        assertThat(JsonFields.string(token, "access_token")).isEqualTo(KeyForm.VALID_KEY);
        assertThat(JsonFields.string(token, "token_type")).isEqualTo("Bearer");
        assertThat(JsonFields.parse(token).get("expires_at").isNull()).isTrue();
        assertThat(JsonFields.parse(token).get("scopes").toString()).isEqualTo("[\"region:eu\"]");
    }

    @Test
    void aRefusedKeyBringsTheFormBackSayingSoWithoutEchoingItAndItCanBeRetried() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        HttpResponse<String> refused = KeyForm.submit(browser, KeyForm.token(page), KeyForm.REFUSED_KEY, "eu");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Customer.io did not accept this key")
                .contains("value=\"eu\" checked").doesNotContain(KeyForm.REFUSED_KEY);
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self' ");
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(KeyForm.submit(browser, KeyForm.token(refused), KeyForm.VALID_KEY, "eu").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnreachableCustomerIoBringsTheFormBackAskingToTryAgain() {
        verifier.results.add(ApiKeyVerification.unavailable("the App API answered 503"));
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        HttpResponse<String> unreachable = KeyForm.submit(browser, KeyForm.token(page), KeyForm.VALID_KEY, "us");

        assertThat(unreachable.statusCode()).isEqualTo(503);
        assertThat(unreachable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(unreachable.body()).contains("Customer.io could not be reached").doesNotContain(KeyForm.VALID_KEY);
        assertThat(KeyForm.submit(browser, KeyForm.token(unreachable), KeyForm.VALID_KEY, "us").statusCode())
                .isEqualTo(303);
    }

    @Test
    void somethingThatCannotBeAKeyIsNeverCheckedAndNeverReflected() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        HttpResponse<String> response = KeyForm.submit(browser, KeyForm.token(page), "<script>alert(1)</script> x",
                "<b>eu</b>");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Choose the region").doesNotContain("<script").doesNotContain("alert(1)")
                .doesNotContain("<b>");
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void cancellingGoesBackToReturnToWithAccessDenied() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");

        HttpResponse<String> response = browser.postForm(ApiKeyFormRoutes.SUBMIT,
                "csrf_token=" + KeyForm.token(page) + "&action=cancel");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(TestCore.RETURN_TO
                + "?status=error&error=access_denied");
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void theHostsClientStateComesBackOnTheRedirectWhetherConnectedOrCancelled() {
        Browser other = server.browser();
        HttpResponse<String> connecting = browser.get(server.connectUrl("user-1", KeyForm.PROVIDER, "s-1"));
        HttpResponse<String> cancelling = other.get(server.connectUrl("user-1", KeyForm.PROVIDER, "s-2"));

        HttpResponse<String> connected = KeyForm.submit(browser, KeyForm.token(connecting), KeyForm.VALID_KEY, "us");
        HttpResponse<String> cancelled = other.postForm(ApiKeyFormRoutes.SUBMIT,
                "csrf_token=" + KeyForm.token(cancelling) + "&action=cancel");

        assertThat(connected.headers().firstValue("Location").orElseThrow()).endsWith("&status=connected&client_state=s-1");
        assertThat(cancelled.headers().firstValue("Location"))
                .hasValue(TestCore.RETURN_TO + "?status=error&error=access_denied&client_state=s-2");
    }

    @Test
    void deletingAKeyConnectionCallsNoProvider() {
        HttpResponse<String> page = KeyForm.open(server, browser, "user-1");
        URI location = URI.create(KeyForm.submit(browser, KeyForm.token(page), KeyForm.VALID_KEY, "us").headers()
                .firstValue("Location").orElseThrow());
        String path = "/api/v1/connections/" + TestCore.queryParameter(location, "connection_id");

        assertThat(server.send(server.api(path).DELETE()).statusCode()).isEqualTo(204);

        assertThat(server.send(server.api(path + "/access-token").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(404);
        assertThat(server.core.provider.revocationCount()).isZero();
        assertThat(server.core.revocations.size()).isZero();
        assertThat(verifier.checkCount()).isEqualTo(1);
    }
}
