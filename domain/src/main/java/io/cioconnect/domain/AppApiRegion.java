package io.cioconnect.domain;

import java.util.Locale;
import java.util.Optional;

/** The Customer.io data-centre region an App API key belongs to: it decides which API host takes the key. */
public enum AppApiRegion {
    US,
    EU;

    /** The wire form: {@code us} or {@code eu}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
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
}
