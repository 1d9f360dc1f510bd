package io.cioconnect.adapter.http;

import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.WebhookEventPosition;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code next_cursor} of a listing (connections, webhook events): the place the next page starts,
 * as base64url of
 * {@code c1.<epoch seconds>.<nanos>.<id>}. It is a position, not a credential: a forged one only moves where
 * a page starts, inside a listing the same key may read whole. Reading is strict (shape, length, ranges, and
 * one spelling per position), so anything the service did not write is a 400, never a query.
 */
final class ListCursor {

    private static final int MAX_LENGTH = 96;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern CONTENT = Pattern.compile(
            "c1\\.(-?[0-9]{1,19})\\.([0-9]{1,9})\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private ListCursor() {
    }

    static String encode(ListPosition position) {
        return encode(position.createdAt(), position.id().value());
    }

    /** The cursor of a webhook event listing: the same form, since events are listed in the same order. */
    static String encode(WebhookEventPosition position) {
        return encode(position.createdAt(), position.id());
    }

    private static String encode(Instant at, UUID id) {
        String content = "c1." + at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position {@code cursor} names; 400 when it is not a cursor this service wrote. */
    static ListPosition decode(String cursor) {
        return decode(cursor, (at, id) -> new ListPosition(at, new ConnectionId(id)));
    }

    /** The webhook event position {@code cursor} names; 400 when it is not a cursor this service wrote. */
    static WebhookEventPosition decodeEvent(String cursor) {
        return decode(cursor, WebhookEventPosition::new);
    }

    private static <P> P decode(String cursor, BiFunction<Instant, UUID, P> position) {
        if (!SHAPE.matcher(cursor).matches()) {
            throw invalid();
        }
        try {
            String content = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
            Matcher parts = CONTENT.matcher(content);
            if (!parts.matches()) {
                throw invalid();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)));
            UUID id = UUID.fromString(parts.group(3));
            if (!encode(at, id).equals(cursor)) {
                throw invalid(); // "c1.007..." or stray padding bits: one position, one cursor
            }
            return position.apply(at, id);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    private static HttpProblem invalid() {
        return HttpProblem.badRequest("cursor is not a next_cursor this service returned");
    }
}
