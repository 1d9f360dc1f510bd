package io.cioconnect.adapter.customerio;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One provider's {@code <ID>_*} variables, read with a problem line recorded for each bad value. */
final class EnvironmentVariables {

    private final Map<String, String> environment;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    EnvironmentVariables(Map<String, String> environment, String prefix) {
        this.environment = environment;
        this.prefix = prefix;
    }

    String name(String suffix) {
        return prefix + "_" + suffix;
    }

    /** The value of an exact variable name; blank counts as unset. */
    Optional<String> raw(String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> text(String suffix) {
        return raw(name(suffix));
    }

    /** A required value that must not contain control characters (a stray newline from a secret file, say). */
    String required(String suffix) {
        Optional<String> value = text(suffix);
        if (value.isEmpty()) {
            problem(name(suffix) + " is missing");
            return null;
        }
        if (value.get().chars().anyMatch(Character::isISOControl)) {
            problem(name(suffix) + " contains control characters (a trailing newline?)");
            return null;
        }
        return value.get();
    }

    /** A URL checked by {@link EndpointUrls}; {@code fallback} when unset. */
    URI url(String suffix, URI fallback) {
        Optional<String> value = text(suffix);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<String> wrong = EndpointUrls.problem(value.get());
        wrong.ifPresent(what -> problem(name(suffix) + " " + what));
        return wrong.isPresent() ? null : EndpointUrls.parse(value.get());
    }

    Duration duration(String suffix, Duration fallback, Duration max) {
        return parsed(suffix, fallback, text -> DurationText.parse(text)
                .filter(d -> !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0),
                "must be a positive duration of at most " + max.toSeconds() + "s, like 5s, 500ms or PT5S");
    }

    int integer(String suffix, int fallback, int max) {
        return parsed(suffix, fallback, text -> text.trim().matches("\\d{1,9}")
                ? Optional.of(Integer.parseInt(text.trim())).filter(n -> n <= max) : Optional.empty(),
                "must be a whole number from 0 to " + max);
    }

    /** A value read by {@code parser}; on failure the problem line says {@code expectation}. */
    <T> T parsed(String suffix, T fallback, Function<String, Optional<T>> parser, String expectation) {
        Optional<String> value = text(suffix);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<T> parsed = parser.apply(value.get());
        if (parsed.isEmpty()) {
            problem(name(suffix) + " " + expectation);
            return fallback;
        }
        return parsed.get();
    }

    void problem(String line) {
        problems.add(line);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
