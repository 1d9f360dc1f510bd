package io.cioconnect.application.port.out;

import java.time.Duration;
import java.util.Locale;

/** Out-port: counts webhook attempts by outcome and times them. Labels never carry an event, a connection or a URL. */
public interface WebhookMetrics {

    void attempted(Outcome outcome, Duration latency);

    /** How an attempt ended. */
    enum Outcome {
        /** a 2xx came back */
        DELIVERED,
        /** it failed and is tried again later */
        RETRIED,
        /** it failed after the retry period: given up */
        FAILED;

        /** The metric tag value: {@code delivered}, {@code retried}, {@code failed}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
