package io.cioconnect.bootstrap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place the service reads its environment. A {@link Setting} is given as {@code X} or as
 * {@code X_FILE} (the path of a file holding the value), never both; surrounding whitespace is dropped and a
 * blank value counts as unset; an unset setting takes its declared default for the command. A setting the
 * command does not read (its {@link Scope}) is not looked at. Every problem is collected, one line each,
 * naming the variable and never its value, so an operator sees them all at once.
 */
public final class EnvironmentReader {

    static final String FILE_SUFFIX = "_FILE";

    private final Map<String, String> environment;
    private final Mode mode;
    private final Set<String> problems = new LinkedHashSet<>();
    /** Variables given in a way that could not be read: "required" would only repeat their problem. */
    private final Set<String> unreadable = new LinkedHashSet<>();

    public EnvironmentReader(Map<String, String> environment, Mode mode) {
        this.environment = Map.copyOf(environment);
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /** A reader of the same environment that keeps its own problems (for a part that may be left out). */
    public EnvironmentReader separately() {
        return new EnvironmentReader(environment, mode);
    }

    /**
     * True when the setting has a value of its own, or was given in a way that cannot be read (both ways, or
     * a file it cannot read): then no default stands in for it, and reading it reports the problem.
     */
    public boolean isGiven(Setting setting) {
        return given(setting).isPresent() || unreadable.contains(setting.name());
    }

    /** The value given as {@code X} or in the file {@code X_FILE} names; empty when unset, blank or unreadable. */
    public Optional<String> given(Setting setting) {
        if (!setting.scope().includes(mode)) {
            return Optional.empty();
        }
        Optional<String> direct = nonBlank(environment.get(setting.name()));
        Optional<String> file = fileName(setting);
        if (direct.isPresent() && file.isPresent()) {
            unreadable.add(setting.name());
            problem(setting.name() + " and " + setting.name() + FILE_SUFFIX + " are both set; set only one");
            return Optional.empty();
        }
        return file.isPresent() ? readFile(setting, file.get()) : direct;
    }

    /** The value given, else the declared default of this command. */
    public Optional<String> text(Setting setting) {
        return given(setting).or(() -> setting.byDefault().valueIn(mode));
    }

    /** The value given; records a problem and answers empty when there is none (and the command reads it). */
    public Optional<String> required(Setting setting, String what) {
        Optional<String> value = given(setting);
        if (value.isEmpty() && setting.scope().includes(mode) && !unreadable.contains(setting.name())) {
            problem(setting.name() + " is required: " + what);
        }
        return value;
    }

    /**
     * The value given read by {@code parser}, else the default read the same way; empty when there is
     * neither. A value the parser refuses is a problem line "{@code X <expectation>}" and answers empty.
     */
    public <T> Optional<T> optional(Setting setting, Function<String, Optional<T>> parser, String expectation) {
        Optional<String> value = given(setting);
        if (value.isEmpty()) {
            return setting.byDefault().valueIn(mode).map(fallback -> parser.apply(fallback).orElseThrow(
                    () -> new IllegalStateException("the declared default of " + setting.name() + " does not parse")));
        }
        Optional<T> parsed = parser.apply(value.get());
        if (parsed.isEmpty()) {
            problem(setting.name() + " " + expectation);
        }
        return parsed;
    }

    /** Like {@link #optional}, for a setting with a default: a refused value yields the default, so reading goes on. */
    public <T> T value(Setting setting, Function<String, Optional<T>> parser, String expectation) {
        return optional(setting, parser, expectation).orElseGet(() -> setting.byDefault().valueIn(mode)
                .flatMap(parser).orElseThrow(() -> new IllegalStateException(setting.name() + " has no default")));
    }

    /** A duration of zero or more: {@code 90s}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 250ms} or {@code PT90S}. */
    public Duration duration(Setting setting) {
        return value(setting, Durations::parse, "must be a duration such as " + Durations.EXAMPLES);
    }

    public Duration positiveDuration(Setting setting) {
        return value(setting, text -> Durations.parse(text).filter(d -> !d.isZero()),
                "must be a duration longer than zero, such as " + Durations.EXAMPLES);
    }

    /** A duration longer than zero and at most {@code max}. */
    public Duration positiveDuration(Setting setting, Duration max) {
        return value(setting, text -> Durations.parse(text).filter(d -> !d.isZero() && d.compareTo(max) <= 0),
                "must be a duration longer than zero and at most " + Durations.format(max) + ", such as "
                        + Durations.EXAMPLES);
    }

    public int integer(Setting setting, int min, int max) {
        return value(setting, text -> text.matches("-?\\d{1,10}") ? Optional.of(Long.parseLong(text))
                .filter(n -> n >= min && n <= max).map(Long::intValue) : Optional.empty(),
                "must be a whole number from " + min + " to " + max);
    }

    public boolean bool(Setting setting) {
        return value(setting, text -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                ? Optional.of(Boolean.parseBoolean(text)) : Optional.empty(), "must be true or false");
    }

    /** Comma-separated values, trimmed, blanks dropped; empty when unset without a default. */
    public List<String> list(Setting setting) {
        return text(setting).map(raw -> Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .toList()).orElse(List.of());
    }

    public void problem(String line) {
        problems.add(line);
    }

    public List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** Throws a {@link ConfigurationException} listing every problem found so far, if any. */
    public void failIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems());
        }
    }

    private Optional<String> fileName(Setting setting) {
        return nonBlank(environment.get(setting.name() + FILE_SUFFIX));
    }

    private Optional<String> readFile(Setting setting, String path) {
        ValueFile.Content content = ValueFile.read(path);
        if (content.isReadable()) {
            return nonBlank(content.text());
        }
        unreadable.add(setting.name());
        problem(setting.name() + FILE_SUFFIX + " names a file that cannot be read (" + content.unreadable() + ")");
        return Optional.empty();
    }

    /** Trimmed, so a file's trailing newline (or a pasted space) is not part of the value; blank is unset. */
    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
