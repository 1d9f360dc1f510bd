package io.cioconnect.adapter.customerio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** The encodings OAuth needs: form bodies, query components, and the Basic credentials of RFC 6749 §2.3.1. */
final class FormEncoding {

    private FormEncoding() {
    }

    /** {@code application/x-www-form-urlencoded}: spaces as {@code +}, everything else reserved percent-encoded. */
    static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A query-component value: like the form encoding, but a space becomes {@code %20}, which both form and
     * RFC 3986 decoders read as a space ({@code +} is literal to the latter). A literal {@code +} is already
     * {@code %2B}, so replacing is safe.
     */
    static String queryEncode(String value) {
        return formEncode(value).replace("+", "%20");
    }

    static String formBody(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> formEncode(entry.getKey()) + "=" + formEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 6749 §2.3.1: id and secret are each form-url-encoded before they are joined and Base64-encoded. */
    static String basicAuthorization(String clientId, String clientSecret) {
        String joined = formEncode(clientId) + ":" + formEncode(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }
}
