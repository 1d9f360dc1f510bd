package io.cioconnect.adapter.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser in tests: one cookie jar, redirects not followed, so each hop can be looked at. */
final class Browser {

    private final TestServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(TestServer server) {
        this.server = server;
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri));
    }

    /** Submits a form body (already URL-encoded) as a browser would, cookies included. */
    HttpResponse<String> postForm(String path, String body) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = server.send(request);
        response.headers().allValues("Set-Cookie").forEach(this::remember);
        return response;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(server.uri(pathAndQuery));
    }

    /** Opens a connect link and returns the provider authorize URL it redirected to. */
    URI start(URI connectUrl) {
        HttpResponse<String> response = get(connectUrl);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("start answered " + response.statusCode());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    Map<String, String> cookies() {
        return cookies;
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
