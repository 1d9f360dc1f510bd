package io.cioconnect.bootstrap.config;

import java.util.Optional;

/**
 * What an unset variable stands for: a value, read exactly as if it had been given (so the default a
 * help text shows is the one the service uses), or, when the service works it out, a description of that.
 */
public record Default(String value, String devValue, String description) {

    /** A value, the same in every command. */
    public static Default of(String value) {
        return new Default(value, value, null);
    }

    /** No value: the setting is optional, or required where the code says so. */
    public static Default none() {
        return new Default(null, null, null);
    }

    /** No value to read: the service works it out (from other settings, or by generating it). */
    public static Default described(String description) {
        return new Default(null, null, description);
    }

    /** This default, with another value in {@code dev}. */
    public Default inDev(String value) {
        return new Default(this.value, value, description);
    }

    /** The value an unset variable takes in {@code mode}, if there is one to read. */
    public Optional<String> valueIn(Mode mode) {
        return Optional.ofNullable(mode == Mode.DEV ? devValue : value);
    }

    /** How {@code --help} shows it. */
    public String describe(Mode mode) {
        return valueIn(mode).or(() -> Optional.ofNullable(description)).orElse("none");
    }
}
