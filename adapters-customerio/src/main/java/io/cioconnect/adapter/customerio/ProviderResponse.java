package io.cioconnect.adapter.customerio;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** What a provider answered: status, headers and at most the capped number of body bytes (public for the benchmark). */
public record ProviderResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
