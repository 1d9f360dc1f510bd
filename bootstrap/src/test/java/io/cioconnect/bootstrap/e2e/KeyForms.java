package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The browser's side of an App API key connection: open the link, paste the key, pick the region. */
public final class KeyForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private KeyForms() {
    }

    /** Opens the connect link and returns the form page. */
    public static HttpResponse<String> open(Browser browser, URI connectUrl) throws Exception {
        HttpResponse<String> page = browser.get(connectUrl);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page;
    }

    public static String token(HttpResponse<String> page) {
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).as("the key form has a token").isTrue();
        return token.group(1);
    }

    /** Submits the form on {@code page} (the start page or a form shown again) as the browser would. */
    public static HttpResponse<String> submit(Browser browser, HttpResponse<String> page, String key, String region)
            throws Exception {
        return browser.postForm(page.uri().resolve("submit"),
                Map.of("csrf_token", token(page), "api_key", key, "region", region, "action", "connect"));
    }
}
