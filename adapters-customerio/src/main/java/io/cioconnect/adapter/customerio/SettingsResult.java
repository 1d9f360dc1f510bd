package io.cioconnect.adapter.customerio;

import java.util.List;
import java.util.Objects;

/** Provider settings that are ready to use, or the problems that prevent it, one line each. */
public sealed interface SettingsResult permits SettingsResult.Valid, SettingsResult.Invalid {

    /** Usable settings. */
    record Valid(ProviderSettings settings) implements SettingsResult {
        public Valid {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** One line per problem, each naming the variable and what is wrong; never a secret value. */
    record Invalid(List<String> problems) implements SettingsResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one problem");
            }
        }
    }
}
