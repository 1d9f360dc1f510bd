package io.cioconnect.bootstrap.config;

/** A variable the {@link EnvironmentReader} looks up: its name, the commands that read it, and its default. */
public interface Setting {

    /** The variable's name, such as {@code REFRESH_WINDOW} or {@code CUSTOMERIO_CLIENT_ID}. */
    String name();

    Scope scope();

    Default byDefault();
}
