package io.cioconnect.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header of Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of
 * "{id}.{timestamp}.{body}">}, one per secret, space-separated, so a receiver that knows any one of the
 * secrets verifies the request while secrets rotate.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(List<WebhookSecret> secrets, String id, long timestamp, String body) {
        byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(secret.sign(content)))
                .collect(Collectors.joining(" "));
    }
}
