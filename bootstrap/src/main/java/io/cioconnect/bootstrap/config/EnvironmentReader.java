package io.cioconnect.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed values from environment variables, collecting every problem instead of stopping at the
 * first, so an operator sees them all at once. Problem lines name the variable, never its value.
 */
public final class EnvironmentReader {

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    public EnvironmentReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The trimmed value, or empty when the variable is unset or blank. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** The value; records a problem and answers empty when it is missing. */
    public Optional<String> required(String name, String what) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problem(name + " is required: " + what);
        }
        return value;
    }

    public Duration duration(String name, Duration fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(raw.get()).filter(d -> !d.isNegative());
        if (parsed.isEmpty()) {
            problem(name + " must be a duration such as 90s, 5m, 1h or PT90S");
            return fallback;
        }
        return parsed.get();
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any other out-of-range value
        }
        problem(name + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> raw = optional(name).map(value -> value.toLowerCase(Locale.ROOT));
        if (raw.isEmpty()) {
            return fallback;
        }
        if (raw.get().equals("true") || raw.get().equals("false")) {
            return Boolean.parseBoolean(raw.get());
        }
        problem(name + " must be true or false");
        return fallback;
    }

    /** Comma-separated values, trimmed, blanks dropped. */
    public List<String> list(String name, List<String> fallback) {
        return optional(name)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList())
                .orElse(fallback);
    }

    /** An absolute http(s) URL without query or fragment. */
    public Optional<URI> httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(name + " must be an absolute http(s) URL without user info, query or fragment");
        return Optional.empty();
    }

    public void problem(String line) {
        problems.add(line);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigurationException} listing every problem found so far, if any. */
    public void failIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
