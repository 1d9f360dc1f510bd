package io.cioconnect.bootstrap.config;

import java.util.EnumSet;
import java.util.Set;

/** Which commands read a variable: only those list it in their {@code --help}, and only those look at it. */
public enum Scope {
    /** {@code dev}, {@code serve}, {@code migrate} and {@code rekey}: the database and the logs. */
    EVERY_COMMAND(EnumSet.allOf(Mode.class)),
    /** {@code dev} and {@code serve}: what the running service needs. */
    SERVERS(EnumSet.of(Mode.DEV, Mode.SERVE)),
    /** The servers and {@code rekey}: the encryption keys and whether to migrate first. */
    SERVERS_AND_REKEY(EnumSet.of(Mode.DEV, Mode.SERVE, Mode.REKEY)),
    /** {@code dev} alone. */
    DEV_ONLY(EnumSet.of(Mode.DEV));

    private final Set<Mode> modes;

    Scope(Set<Mode> modes) {
        this.modes = Set.copyOf(modes);
    }

    public boolean includes(Mode mode) {
        return modes.contains(mode);
    }
}
