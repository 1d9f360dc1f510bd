package io.cioconnect.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer read by {@link HttpConnection}: status, headers by lower-case name (first value), body. */
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
        return headers.get(name);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
