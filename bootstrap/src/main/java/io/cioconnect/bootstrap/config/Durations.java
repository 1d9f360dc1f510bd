package io.cioconnect.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of the configuration: {@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h},
 * {@code 1d}, or ISO-8601 such as {@code PT90S}. Negative durations are refused.
 */
public final class Durations {

    static final String EXAMPLES = "90s, 5m, 1h or PT90S";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration, or empty when the text is none of the accepted forms or is negative. */
    public static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT))).filter(d -> !d.isNegative());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The shortest form of the grammar that reads back as {@code duration}: {@code 2m}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 60 != 0) {
            return seconds + "s";
        }
        return seconds % 3600 != 0 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }
}
