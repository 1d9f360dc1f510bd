package io.cioconnect.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What readiness found: one named check per part of the service (the database, each background job, the
 * server's own state), and UP only when every check is UP.
 */
public record Readiness(List<Check> checks) {

    public Readiness {
        checks = List.copyOf(checks);
    }

    /** One part of the service and whether it is fine; the name is stable and holds nothing secret. */
    public record Check(String name, boolean up) {

        public Check {
            Objects.requireNonNull(name, "name");
        }
    }

    public boolean up() {
        return checks.stream().allMatch(Check::up);
    }
}
