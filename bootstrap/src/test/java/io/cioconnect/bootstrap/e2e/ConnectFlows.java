package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The browser's side of connect flows, step by step, as an end user would click through them. */
public final class ConnectFlows {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

    private ConnectFlows() {
    }

    /** Opens the connect link, allows access at the sandbox, and returns the final redirect to return_to. */
    public static URI throughSandbox(Browser browser, URI connectUrl) throws Exception {
        return callback(browser, allowedAtSandbox(browser, connectUrl));
    }

    /** Opens the connect link and allows access at the sandbox; returns the callback the sandbox redirects to. */
    public static URI allowedAtSandbox(Browser browser, URI connectUrl) throws Exception {
        HttpResponse<String> start = browser.get(connectUrl);
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> consent = browser.get(Browser.location(start));
        assertThat(consent.statusCode()).isEqualTo(200);
        Matcher requestId = REQUEST_ID.matcher(consent.body());
        assertThat(requestId.find()).as("the sandbox's consent page has a request id").isTrue();
        HttpResponse<String> allowed = browser.postForm(consent.uri(),
                Map.of("request_id", requestId.group(1), "decision", "allow"));
        assertThat(allowed.statusCode()).isEqualTo(302);
        return Browser.location(allowed);
    }

    /** Delivers the provider's redirect back to the service and returns where the service sends the browser. */
    public static URI callback(Browser browser, URI callbackUrl) throws Exception {
        HttpResponse<String> back = browser.get(callbackUrl);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        return Browser.location(back);
    }

    /** The decoded value of a query parameter of {@code uri}, or null. */
    public static String parameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
