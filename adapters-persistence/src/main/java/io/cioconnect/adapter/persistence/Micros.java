package io.cioconnect.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds; values handed back after a write are truncated alike so they equal what a read returns. */
final class Micros {

    private Micros() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
