package io.cioconnect.adapter.customerio;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Provider settings that are ready to use, or the problems that prevent it, one line each. */
public sealed interface SettingsResult permits SettingsResult.Valid, SettingsResult.Invalid {

    /** Hands this result to the one handler of its kind; every kind must be handled. */
    void match(Consumer<Valid> valid, Consumer<Invalid> invalid);

    /** Usable settings. */
    record Valid(ProviderSettings settings) implements SettingsResult {
        public Valid {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public void match(Consumer<Valid> valid, Consumer<Invalid> invalid) {
            valid.accept(this);
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

        @Override
        public void match(Consumer<Valid> valid, Consumer<Invalid> invalid) {
            invalid.accept(this);
        }
    }
}
