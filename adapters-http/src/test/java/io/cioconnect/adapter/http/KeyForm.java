package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeApiKeyVerifier;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the App API key form as a browser does: open the connect link, read the token, submit. */
final class KeyForm {

    static final String PROVIDER = "customerio-app-api";
    static final String VALID_KEY = FakeApiKeyVerifier.VALID_PREFIX + "5ec7e7-key-0123456789";
    static final String REFUSED_KEY = "refused-5ec7e7-key-0123456789";

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([A-Za-z0-9_-]+)\"");

    private KeyForm() {
    }

    /** Opens a fresh connect link for {@code owner} in {@code browser} and returns the form page. */
    static HttpResponse<String> open(TestServer server, Browser browser, String owner) {
        HttpResponse<String> page = browser.get(server.connectUrl(owner, PROVIDER));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page;
    }

    static String token(HttpResponse<String> page) {
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).as("the page has a token").isTrue();
        return matcher.group(1);
    }

    static HttpResponse<String> submit(Browser browser, String token, String key, String region) {
        return browser.postForm(ApiKeyFormRoutes.SUBMIT, "csrf_token=" + encode(token) + "&api_key=" + encode(key)
                + "&region=" + encode(region) + "&action=connect");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
