package io.cioconnect.bootstrap.metrics;

import io.cioconnect.application.port.out.WebhookMetrics;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WebhookMetrics} on Micrometer: the counter {@value #ATTEMPTS} by {@code outcome} ({@code delivered},
 * {@code retried}, {@code failed}), the histogram {@value #LATENCY} of attempts, and the gauge {@value #PENDING}
 * read from the outbox at each scrape. Tags carry no event, connection or URL.
 */
public final class MicrometerWebhookMetrics implements WebhookMetrics {

    public static final String ATTEMPTS = "cioconnect.webhook.deliveries";
    public static final String LATENCY = "cioconnect.webhook.delivery";
    public static final String PENDING = "cio.webhook.events.pending";
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerWebhookMetrics.class);

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Timer latency;

    public MicrometerWebhookMetrics(MeterRegistry registry, WebhookOutbox outbox) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(ATTEMPTS)
                    .description("Webhook delivery attempts, by how they ended")
                    .tag("outcome", outcome.wireName())
                    .register(registry));
        }
        latency = Timer.builder(LATENCY)
                .description("How long one webhook delivery attempt took, until the receiver answered or the deadline")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(15))
                .register(registry);
        Gauge.builder(PENDING, outbox, MicrometerWebhookMetrics::pending)
                .description("Webhook events waiting to be delivered")
                .strongReference(true) // nothing else keeps this outbox: a weak one would be collected, then NaN
                .register(registry);
    }

    /** A database that does not answer shows as a gap (NaN), not as an error on the scrape. */
    private static double pending(WebhookOutbox outbox) {
        try {
            return outbox.countPending();
        } catch (RuntimeException e) {
            LOG.debug("Could not count pending webhook events: {}", e.getClass().getSimpleName());
            return Double.NaN;
        }
    }

    @Override
    public void attempted(Outcome outcome, Duration took) {
        counters.get(outcome).increment();
        latency.record(took);
    }
}
