package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules for {@code expires_in} (RFC 6749 §5.1): a JSON number or a numeric string of seconds.
 * Missing means {@link #DEFAULT}; above {@link #MAX} is clamped; zero, negative or non-numeric is rejected.
 */
final class ExpiresIn {

    /**
     * One hour when the provider does not say: the lifetime in RFC 6749's own example and the most common
     * one, so a token is treated as expired no later than most providers would expire it, while the proactive
     * refresh window (minutes) never makes a token look due the moment it arrives.
     */
    static final Duration DEFAULT = Duration.ofHours(1);

    /** A year: a longer lifetime is as good as "long-lived", and is refreshed once a year. */
    static final Duration MAX = Duration.ofDays(365);

    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX.toSeconds());

    private ExpiresIn() {
    }

    /** The lifetime, or empty when the value is nonsense. */
    static Optional<Duration> parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(DEFAULT);
        }
        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isTextual() && node.textValue().trim().matches("[+-]?\\d{1,30}(\\.\\d{1,30})?")) {
            seconds = new BigDecimal(node.textValue().trim());
        } else {
            return Optional.empty();
        }
        // Compare before rounding: rounding 1e999999999 would build an enormous integer.
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            return Optional.of(MAX);
        }
        if (seconds.compareTo(BigDecimal.ONE) < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(seconds.setScale(0, RoundingMode.FLOOR).longValueExact()));
    }
}
