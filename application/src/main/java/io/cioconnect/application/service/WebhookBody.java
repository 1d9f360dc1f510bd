package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.domain.WebhookEventType;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The JSON body of a webhook: {@code {"type", "timestamp", "data"}}, {@code data} being the connection's
 * metadata with the fields and spelling of {@code GET /api/v1/connections/{id}} (a test holds the two
 * equal). Written here, once, because the body is stored as sent and signed byte for byte on every attempt.
 */
final class WebhookBody {

    private WebhookBody() {
    }

    static String of(WebhookEventType type, Instant timestamp, ConnectionSummary data) {
        return "{\"type\":" + text(type.wireName()) + ",\"timestamp\":" + text(timestamp.toString())
                + ",\"data\":" + data(data) + "}";
    }

    private static String data(ConnectionSummary summary) {
        return "{\"id\":" + text(summary.id().toString())
                + ",\"owner\":" + text(summary.owner().value())
                + ",\"provider\":" + text(summary.provider().value())
                + ",\"status\":" + text(summary.status().wireName())
                + ",\"scopes\":[" + summary.scopes().values().stream().map(WebhookBody::text)
                        .collect(Collectors.joining(",")) + "]"
                + ",\"created_at\":" + instant(summary.createdAt())
                + ",\"updated_at\":" + instant(summary.updatedAt())
                + ",\"access_token_expires_at\":" + instant(summary.accessTokenExpiresAt())
                + ",\"last_refreshed_at\":" + instant(summary.lastRefreshedAt())
                + ",\"last_error\":" + text(summary.lastError())
                + ",\"resource\":" + text(summary.resource() == null ? null : summary.resource().toString()) + "}";
    }

    private static String instant(Instant instant) {
        return instant == null ? "null" : text(instant.toString());
    }

    /** A JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped; null as {@code null}. */
    static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
