package io.cioconnect.adapter.webhook;

import io.cioconnect.domain.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where webhooks go and how they are signed: {@code WEBHOOK_URL} (https, or http on a loopback host),
 * every secret of {@code WEBHOOK_SECRETS} (each one signs), and the deadline of one attempt.
 */
public record WebhookTarget(URI url, List<WebhookSecret> secrets, Duration timeout) {

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign webhooks");
        }
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()) && Loopback.isLoopback(url))) {
            throw new IllegalArgumentException("must be an absolute https URL (http only on a loopback host)");
        }
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", secrets=" + secrets.size() + ", timeout=" + timeout + "]";
    }
}
