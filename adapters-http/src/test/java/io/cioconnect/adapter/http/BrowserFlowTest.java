package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.out.PreparedAuthorization;
import io.cioconnect.application.port.out.ProviderFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrowserFlowTest {

    private final TestServer server = TestServer.start();
    private final Browser browser = server.browser();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void startRedirectsToTheProviderWithPkceAndTheCallbackDerivedFromThePublicUrl() {
        HttpResponse<String> response = browser.get(server.connectUrl("user-1"));

        assertThat(response.statusCode()).isEqualTo(302);
        URI authorize = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.getHost()).isEqualTo("provider.test");
        assertThat(TestCore.queryParameter(authorize, "response_type")).isEqualTo("code");
        assertThat(TestCore.queryParameter(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(TestCore.queryParameter(authorize, "code_challenge")).hasSize(43);
        assertThat(TestCore.queryParameter(authorize, "state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(TestCore.queryParameter(authorize, "redirect_uri"))
                .isEqualTo("http://localhost:8080/oauth/customerio/callback");
    }

    @Test
    void startSendsTheBrowserBackWithProviderErrorWhenTheProviderCannotBeAsked() {
        server.core.provider.preparation = request -> new PreparedAuthorization.Unavailable(
                ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, "no authorization server metadata"));

        HttpResponse<String> response = browser.get(server.connectUrl("user-1"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(TestCore.RETURN_TO + "?status=error&error=provider_error");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.matches("cioconnect_binding=[^;]+;.*"));
    }

    @Test
    void startSetsAnHttpOnlyLaxBindingCookieLivingAsLongAsTheFlow() {
        HttpResponse<String> response = browser.get(server.connectUrl("user-1"));

        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("cioconnect_binding=[A-Za-z0-9_-]{43}; .*");
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/")
                .contains("; Max-Age=600").doesNotContain("Domain").doesNotContain("Secure");
    }

    @Test
    void callbackWithCodeStateAndCookieConnectsAndRedirectsToReturnTo() {
        URI authorize = browser.start(server.connectUrl("user-1"));

        HttpResponse<String> response = browser.get(callback("code=the-code&state=" + stateOf(authorize)));

        assertThat(response.statusCode()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(TestCore.RETURN_TO + "?connection_id=");
        assertThat(TestCore.queryParameter(location, "status")).isEqualTo("connected");
        assertThat(server.core.provider.exchangeCount()).isEqualTo(1);
        assertThat(server.core.provider.exchangedCodes.get(0).value()).isEqualTo("the-code");
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("cioconnect_binding=;").contains("Max-Age=0");
        HttpResponse<String> connection = server.send(server.api(
                "/api/v1/connections/" + TestCore.queryParameter(location, "connection_id")));
        assertThat(JsonFields.string(connection.body(), "owner")).isEqualTo("user-1");
    }

    @Test
    void callbackFromAnotherBrowserFailsWithoutCallingTheProvider() {
        URI authorize = browser.start(server.connectUrl("user-1"));
        Browser attacker = server.browser();

        HttpResponse<String> response = attacker.get(callback("code=the-code&state=" + stateOf(authorize)));

        assertErrorPage(response);
        assertThat(server.core.provider.exchangeCount()).isZero();
    }

    @Test
    void callbackWithAForgedCookieFailsWithoutCallingTheProvider() {
        URI authorize = browser.start(server.connectUrl("user-1"));
        Browser attacker = server.browser();
        attacker.cookies().put("cioconnect_binding", "forged-value-forged-value-forged-value-0123");

        assertErrorPage(attacker.get(callback("code=the-code&state=" + stateOf(authorize))));
        assertThat(server.core.provider.exchangeCount()).isZero();
    }

    @Test
    void replayedCallbackIsRejectedAndTheCodeExchangedOnlyOnce() {
        URI authorize = browser.start(server.connectUrl("user-1"));
        String query = "code=the-code&state=" + stateOf(authorize);
        String binding = browser.cookies().get("cioconnect_binding");
        assertThat(browser.get(callback(query)).statusCode()).isEqualTo(303);
        browser.cookies().put("cioconnect_binding", binding);

        assertErrorPage(browser.get(callback(query)));
        assertThat(server.core.provider.exchangeCount()).isEqualTo(1);
    }

    @Test
    void providerErrorOfAnIdentifiedFlowGoesBackToReturnTo() {
        URI authorize = browser.start(server.connectUrl("user-1"));

        HttpResponse<String> response = browser.get(callback("error=access_denied&error_description=no+thanks&state="
                + stateOf(authorize)));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .isEqualTo(TestCore.RETURN_TO + "?status=error&error=access_denied");
        assertThat(server.core.provider.exchangeCount()).isZero();
    }

    @Test
    void anUnmatchedCallbackShowsOneFixedPageAndNothingTheProviderOrTheQuerySupplied() {
        List<String> queries = List.of(
                "error=access_denied&error_description=" + encode("Your session expired. Call +1 555 0100 now"),
                "state=unknown-state&error=x%3Cb%3E&error_description=" + encode("<script>document.cookie</script>"),
                "state=unknown-state&code=c&iss=" + encode("https://phish.example"),
                "state=unknown-state&code=c&error_description=a&error_description=b",
                "code=c&error_uri=" + encode("https://phish.example/help"));

        List<String> bodies = queries.stream().map(query -> browser.get(callback(query))).map(response -> {
            assertErrorPage(response);
            return response.body();
        }).toList();

        assertThat(bodies).allSatisfy(body -> assertThat(body)
                .contains(HtmlPage.escape(BrowserFlowRoutes.UNMATCHED_CALLBACK))
                .doesNotContain("555").doesNotContain("document.cookie").doesNotContain("phish")
                .doesNotContain("access_denied").doesNotContain("x&lt;b").doesNotContain("unknown-state"));
        assertThat(Set.copyOf(bodies)).as("one page, whatever came in").hasSize(1);
    }

    @Test
    void theHostsClientStateComesBackVerbatimOnTheRedirect() {
        URI authorize = browser.start(server.connectUrl("user-1", "customerio", "tab=crm&n=1 2"));

        HttpResponse<String> response = browser.get(callback("code=the-code&state=" + stateOf(authorize)));

        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawQuery()).endsWith("&status=connected&client_state=tab%3Dcrm%26n%3D1+2");
        assertThat(TestCore.queryParameter(location, "client_state")).isEqualTo("tab=crm&n=1 2");
    }

    @Test
    void callbackWithRepeatedStateIsRejectedBeforeTheUseCaseSeesIt() {
        URI authorize = browser.start(server.connectUrl("user-1"));
        String state = stateOf(authorize);

        assertErrorPage(browser.get(callback("code=c&state=" + state + "&state=other")));
        assertErrorPage(browser.get(callback("code=c&code=d&state=" + state)));

        assertThat(server.core.provider.exchangeCount()).isZero();
        assertThat(browser.get(callback("code=c&state=" + state)).statusCode())
                .as("the flow was never consumed, so the genuine callback still works").isEqualTo(303);
    }

    @Test
    void callbackWithMissingOrOversizedParametersIsRejectedBeforeTheUseCaseSeesIt() {
        URI authorize = browser.start(server.connectUrl("user-1"));
        String state = stateOf(authorize);

        assertErrorPage(browser.get(callback("code=c")));
        assertErrorPage(browser.get(callback("state=" + state)));
        assertErrorPage(browser.get(callback("code=c&error=access_denied&state=" + state)));
        assertErrorPage(browser.get(callback("code=" + "c".repeat(2049) + "&state=" + state)));
        assertErrorPage(browser.get(callback("code=c&state=" + state + "&iss=" + "i".repeat(2049))));

        assertThat(server.core.provider.exchangeCount()).isZero();
        assertThat(browser.get(callback("code=c&state=" + state)).statusCode()).isEqualTo(303);
    }

    @Test
    void startWithAnUnknownTicketShowsAnErrorPage() {
        assertErrorPage(browser.get("/oauth/customerio/start?ticket=no-such-ticket"));
        assertThat(browser.cookies()).isEmpty();
    }

    @Test
    void startWithAMissingOrRepeatedTicketShowsAnErrorPage() {
        URI connectUrl = server.connectUrl("user-1");

        assertErrorPage(browser.get("/oauth/customerio/start"));
        assertErrorPage(browser.get(URI.create(connectUrl + "&ticket=second")));
        assertThat(browser.get(connectUrl).statusCode()).as("the ticket was not spent").isEqualTo(302);
    }

    @Test
    void aTicketWorksOnlyOnce() {
        URI connectUrl = server.connectUrl("user-1");
        assertThat(browser.get(connectUrl).statusCode()).isEqualTo(302);

        assertErrorPage(server.browser().get(connectUrl));
    }

    @Test
    void anExpiredTicketShowsAnErrorPage() {
        URI connectUrl = server.connectUrl("user-1");
        server.core.clock.advance(Duration.ofMinutes(11));

        assertErrorPage(browser.get(connectUrl));
    }

    @Test
    void aTicketForAnotherProviderShowsAnErrorPage() {
        URI connectUrl = server.connectUrl("user-1");

        assertErrorPage(browser.get(URI.create(connectUrl.toString().replace("/customerio/", "/sandbox/"))));
    }

    @Test
    void aProviderPathWithMarkupIsRejectedAndNeverReflected() {
        String evil = encode("<script>alert(1)</script>");

        HttpResponse<String> start = browser.get("/oauth/" + evil + "/start?ticket=t");
        HttpResponse<String> callback = browser.get("/oauth/" + evil + "/callback?code=c&state=s");

        assertErrorPage(start);
        assertErrorPage(callback);
        assertThat(start.body() + callback.body()).doesNotContain("<script").doesNotContain("alert(1)");
    }

    private String callback(String query) {
        return "/oauth/customerio/callback?" + query;
    }

    private static String stateOf(URI authorize) {
        return encode(TestCore.queryParameter(authorize, "state"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void assertErrorPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<h1>Connection failed</h1>")
                .doesNotContain("<script").doesNotContain("style=");
    }
}
