package io.cioconnect.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The Customer.io data-centre region an App API key belongs to. A key connection remembers it as the
 * scope-like marker {@code region:us} or {@code region:eu}, so a host application learns, next to the
 * key, which API host takes it.
 */
public enum AppApiRegion {
    US,
    EU;

    private static final String SCOPE_PREFIX = "region:";

    /** The wire form: {@code us} or {@code eu}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The marker stored among the connection's scopes: {@code region:us}. */
    public String scope() {
        return SCOPE_PREFIX + code();
    }

    /** {@code us} or {@code eu}, case-insensitively; anything else (or nothing) is empty. */
    public static Optional<AppApiRegion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AppApiRegion region : values()) {
            if (region.code().equalsIgnoreCase(value)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** The region marked among {@code scopes}, if any. */
    public static Optional<AppApiRegion> of(Scopes scopes) {
        for (AppApiRegion region : values()) {
            if (scopes.values().contains(region.scope())) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }
}
